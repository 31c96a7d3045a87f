namespace GraphBff.Core.Tests.Differential;

/// <summary>The queries of the differential tests, by behaviour. Case names are unique across all groups.</summary>
public static class DifferentialCases
{
    public static readonly DifferentialCase[] Fragments =
    [
        new("named fragment on a list item",
            "query { posts(limit: 3) { ...PostFields } } fragment PostFields on Post { id title createdAt }"),
        new("inline fragment with a type condition",
            """{ post(id: "5") { id ... on Post { title body } } }"""),
        new("inline fragment without a type condition",
            """{ post(id: "5") { ... { id title } createdAt } }"""),
        new("named fragments nested across joins",
            """
            { posts(limit: 2) { ...P } }
            fragment P on Post { id author { ...U } comments { ...C } }
            fragment U on User { id name role }
            fragment C on Comment { id text author { ...U } }
            """),
        new("fragments and fields on the same type merge into one response key",
            """
            { post(id: "7") { author { id } ...A ... on Post { author { email } title } } }
            fragment A on Post { author { name } title }
            """),
        new("fragment on the root type spanning both sources",
            """{ ...Q } fragment Q on Query { user(id: "2") { name } post(id: "2") { title } }"""),
        new("one fragment spread in two aliased fields",
            """{ a: post(id: "1") { ...T } b: post(id: "2") { ...T } } fragment T on Post { id title }"""),
        new("fragment on a GraphQL-sourced type with a REST join inside",
            """{ user(id: "4") { ...UserWithPosts } } fragment UserWithPosts on User { name posts { id title } }"""),
        new("same join selected in a fragment and directly merges below the join",
            "{ posts(limit: 2) { author { posts { id } } ... on Post { author { posts { title } } } } }"),
        new("same join field twice without alias merges sub-selections",
            "{ posts(limit: 2) { author { name } author { id } } }"),
        new("fragment used by data and introspection fields of one operation",
            """{ __type(name: "Post") { ...T } post(id: "1") { ...P } } fragment T on __Type { name kind } fragment P on Post { title }"""),
    ];

    public static readonly DifferentialCase[] Aliases =
    [
        new("same REST root field twice with different arguments",
            """{ first: post(id: "1") { title } second: post(id: "2") { title } }"""),
        new("same GraphQL root field twice with different arguments",
            """{ a: user(id: "1") { name } b: user(id: "2") { name } }"""),
        new("same list field twice with different limits",
            "{ few: posts(limit: 1) { id } more: posts(limit: 3) { id } }"),
        new("aliases on leaves and on a join",
            """{ post(id: "3") { postId: id heading: title writer: author { userName: name userId: id } } }"""),
        new("alias shadowing a REST join key",
            """{ post(id: "3") { id: title comments { id } author { name } } }"""),
        new("alias shadowing a GraphQL join key",
            """{ user(id: "5") { id: name posts { id } } }"""),
        new("alias named like an internal join-key alias",
            """{ user(id: "6") { _k_id: name posts { id } } }"""),
        new("same leaf under two aliases",
            """{ user(id: "7") { n1: name n2: name email } }"""),
        new("same join twice under two aliases",
            """{ post(id: "1") { author { p1: posts { id } p2: posts { title } } } }"""),
        new("same join under two aliases with different selections",
            """{ post(id: "1") { a1: author { name } a2: author { email } } }"""),
        new("alias named like an internal join-key alias below a join",
            "{ posts(limit: 2) { id author { _k_id: name posts { id } } } }"),
    ];

    public static readonly DifferentialCase[] Variables =
    [
        new("ID variable as a string",
            "query Q($id: ID!) { post(id: $id) { id title } }", """{"id":"12"}""", OperationName: "Q"),
        new("ID variable given as a number to a REST field",
            "query ($id: ID!) { post(id: $id) { id title author { name } } }", """{"id":12}"""),
        new("ID variable given as a number to a GraphQL field",
            "query ($id: ID!) { user(id: $id) { id name } }", """{"id":9}"""),
        new("variable default used when the variable is missing",
            "query ($n: Int = 3) { posts(limit: $n) { id } }"),
        new("variable default overridden by a value",
            "query ($n: Int = 3) { posts(limit: $n) { id } }", """{"n":2}"""),
        new("missing optional variable without default falls back to the argument default",
            "query ($n: Int) { posts(limit: $n) { id } }"),
        new("nullable variable with default in a non-null GraphQL argument",
            """query ($id: ID = "8") { user(id: $id) { name } }"""),
        new("non-null variable with default in a REST path argument",
            """query ($id: ID! = "4") { post(id: $id) { title } }"""),
        new("variable used inside a fragment",
            "query ($n: Int!) { ...F } fragment F on Query { posts(limit: $n) { id } }", """{"n":2}"""),
        new("variables for both sources in one operation",
            "query ($u: ID!, $p: ID!) { user(id: $u) { name } post(id: $p) { title } }", """{"u":"11","p":"12"}"""),
        new("unknown extra variables are ignored",
            "query ($id: ID!) { post(id: $id) { id } }", """{"id":"1","extra":5}"""),
        new("operation picked by name among several",
            """query A { post(id: "1") { title } } query B { user(id: "1") { name } }""", OperationName: "B"),
    ];

    public static readonly DifferentialCase[] Directives =
    [
        new("skip and include with literals",
            """{ post(id: "1") { id title @skip(if: true) body @include(if: false) createdAt @include(if: true) } }"""),
        new("skip and include with variables, join included",
            """query ($withAuthor: Boolean!, $skipBody: Boolean!) { post(id: "2") { id body @skip(if: $skipBody) author @include(if: $withAuthor) { name } } }""",
            """{"withAuthor":true,"skipBody":true}"""),
        new("skip and include with variables, join excluded",
            """query ($withAuthor: Boolean!, $skipBody: Boolean!) { post(id: "2") { id body @skip(if: $skipBody) author @include(if: $withAuthor) { name } } }""",
            """{"withAuthor":false,"skipBody":false}"""),
        new("include with a defaulted variable",
            """query ($show: Boolean = true) { post(id: "3") { id title @include(if: $show) } }"""),
        new("directives on fragment spreads and inline fragments",
            """
            query ($f: Boolean!) { post(id: "4") { id ...Extra @include(if: $f) ... on Post @skip(if: $f) { body } } }
            fragment Extra on Post { title author { name } }
            """,
            """{"f":true}"""),
        new("skip on a root field",
            """{ posts(limit: 1) @skip(if: true) { id } user(id: "1") { name } }"""),
        new("skip false and include false together exclude the field",
            """{ post(id: "5") { title @skip(if: false) @include(if: false) body @skip(if: false) @include(if: true) } }"""),
        new("field skipped in one node and selected in another",
            """{ post(id: "6") { title @skip(if: true) id title } }"""),
        new("include with a defaulted variable overridden by false",
            """query ($show: Boolean = true) { post(id: "3") { id title @include(if: $show) } }""", """{"show":false}"""),
        new("include with a variable inside a GraphQL root selection",
            """query ($s: Boolean!) { user(id: "1") { name @include(if: $s) id } }""", """{"s":false}"""),
        new("skip with a variable inside a delegated selection",
            """query ($s: Boolean!) { post(id: "1") { author { name email @skip(if: $s) } } }""", """{"s":true}"""),
        new("include with a variable inside introspection",
            """query ($x: Boolean!) { __type(name: "Post") { name fields @include(if: $x) { name } } }""", """{"x":false}"""),
        new("every field of a GraphQL root selection skipped",
            """query ($s: Boolean!) { user(id: "1") { name @skip(if: $s) } }""", """{"s":true}"""),
        new("every field of a delegated selection skipped",
            """{ post(id: "1") { id author { name @include(if: false) } } }"""),
        new("every root field skipped",
            """{ __typename @skip(if: true) post(id: "1") @include(if: false) { id } }"""),
    ];

    public static readonly DifferentialCase[] Typename =
    [
        new("typename alone at the root", "{ __typename }"),
        new("typename at every depth",
            "{ __typename posts(limit: 2) { __typename id author { __typename name posts { __typename id } } comments { __typename id } } }"),
        new("aliased typename",
            """{ t: __typename user(id: "1") { kind: __typename id } }"""),
        new("typename inside an inline fragment",
            """{ post(id: "1") { ... on Post { __typename } id } }"""),
        new("typename alone in a GraphQL root selection",
            """{ user(id: "1") { __typename } }"""),
        new("typename alone in a delegated selection",
            """{ post(id: "1") { author { __typename } } }"""),
        new("typename alone through a fragment in a GraphQL root selection",
            """{ user(id: "2") { ...F } } fragment F on User { __typename }"""),
    ];

    public static readonly DifferentialCase[] Nulls =
    [
        new("unknown post is null", """{ post(id: "99999") { id title } }"""),
        new("unknown user is null", """{ user(id: "9999") { id name } }"""),
        new("null company next to a non-null one",
            """{ a: user(id: "3") { id company } b: user(id: "4") { id company } }"""),
        new("unknown post with joins below is null",
            """{ post(id: "99999") { author { name } comments { id } } }"""),
        new("me without a caller is null", "{ me { id name } }"),
        new("null companies under a nested join",
            """{ post(id: "1") { comments { id author { id company } } } }"""),
        new("unknown type in introspection is null", """{ __type(name: "Nope") { name } }"""),
    ];

    public static readonly DifferentialCase[] Lists =
    [
        new("empty list with limit 0", "{ posts(limit: 0) { id } }"),
        new("one item with limit 1", "{ posts(limit: 1) { id title } }"),
        new("twenty items with limit 20", "{ posts(limit: 20) { id title body createdAt } }"),
        new("argument default gives ten items", "{ posts { id } }"),
        new("user without posts has an empty list", """{ user(id: "150") { id posts { id } } }"""),
        new("list of root posts with per-item joins to both sources",
            "{ posts(limit: 4) { id comments { id } author { id } } }"),
    ];

    public static readonly DifferentialCase[] Joins =
    [
        new("medium benchmark query",
            "{ posts(limit: 20) { id title author { id name } comments { id text author { name } } } }"),
        new("joins four levels deep",
            "{ posts(limit: 3) { id author { id name posts { id title comments { id text author { id name role } } } } } }"),
        new("GraphQL root to REST and back",
            """{ user(id: "2") { name posts { title author { name } } } }"""),
        new("REST root with joins to both sources",
            """{ post(id: "42") { title author { name company posts { id } } comments { text author { email } } } }"""),
        new("large benchmark query",
            "{ posts(limit: 100) { id title body createdAt author { id name role posts { id title } } comments { id text author { id name } } } }"),
        new("same user reached from several parents",
            """{ posts(limit: 5) { author { id } } a: post(id: "101") { author { id name } } }"""),
        new("ID literal given as an integer to both sources",
            "{ post(id: 7) { id author { id } } user(id: 7) { id name } }"),
        new("escaped string literal as an argument",
            """{ post(id: "1\u0030") { id } user(id: "1\u0030") { id } }"""),
        new("block string literal as an argument",
            "{ post(id: \"\"\"7\"\"\") { id } user(id: \"\"\"7\"\"\") { id } }"),
    ];

    public static readonly DifferentialCase[] Errors =
    [
        new("upstream 400 on a non-null root list nulls data",
            "{ posts(limit: -1) { id } }", Expect: OracleExpectation.FieldErrors),
        new("upstream 400 next to a successful GraphQL root field",
            """{ user(id: "1") { name } posts(limit: -1) { id } }""", Expect: OracleExpectation.FieldErrors),
        new("unknown field is a validation error",
            """{ post(id: "1") { nope } }""", Expect: OracleExpectation.RequestErrors),
        new("variable of the wrong type is a request error",
            "query ($n: Int!) { posts(limit: $n) { id } }", """{"n":"abc"}""", OracleExpectation.RequestErrors),
        new("missing required variable is a request error",
            "query ($id: ID!) { post(id: $id) { id } }", Expect: OracleExpectation.RequestErrors),
        new("conflicting fields under one response key are a validation error",
            """{ post(id: "1") { x: title x: body } }""", Expect: OracleExpectation.RequestErrors),
        new("syntax error is a request error", "{ post(id: \"1\") { id }", Expect: OracleExpectation.RequestErrors),
        new("unknown operation name is a request error",
            """query A { post(id: "1") { title } }""", OperationName: "Nope", Expect: OracleExpectation.RequestErrors),
        new("unused variable is a validation error",
            """query ($x: Int) { post(id: "1") { id } }""", Expect: OracleExpectation.RequestErrors),
        new("empty post id", """{ post(id: "") { id title } }""", Expect: OracleExpectation.FieldErrors),
        new("ID variable given as a float is a request error",
            "query ($id: ID!) { post(id: $id) { id } }", """{"id":1.5}""", OracleExpectation.RequestErrors),
        new("Boolean variable given as a string is a request error",
            """query ($s: Boolean!) { post(id: "1") { id @skip(if: $s) } }""", """{"s":"true"}""", OracleExpectation.RequestErrors),
        new("null for a non-null variable is a request error",
            "query ($id: ID!) { post(id: $id) { id } }", """{"id":null}""", OracleExpectation.RequestErrors),
    ];

    public static readonly DifferentialCase[] Introspection =
    [
        new("type introspection of Post", """{ __type(name: "Post") { name fields { name } } }"""),
        new("schema introspection",
            "{ __schema { queryType { name } mutationType { name } subscriptionType { name } types { name kind } } }"),
        new("type introspection with a variable",
            "query ($t: String!) { __type(name: $t) { name kind fields { name type { name kind ofType { name kind ofType { name } } } args { name defaultValue } } } }",
            """{"t":"Query"}"""),
        new("introspection mixed with data fields",
            """{ __typename post(id: "1") { title } __type(name: "User") { fields { name } } }"""),
        new("aliased introspection fields with different arguments",
            """{ a: __type(name: "Post") { name } b: __type(name: "User") { name kind } s: __schema { queryType { name } } }"""),
        new("typename inside introspection",
            """{ __type(name: "Comment") { __typename name fields { __typename name } } }"""),
    ];

    private static readonly Dictionary<string, DifferentialCase> s_byName =
        new[] { Fragments, Aliases, Variables, Directives, Typename, Nulls, Lists, Joins, Errors, Introspection }
            .SelectMany(static group => group)
            .ToDictionary(static c => c.Name, StringComparer.Ordinal);

    public static IEnumerable<DifferentialCase> All => s_byName.Values;

    public static DifferentialCase Get(string name) => s_byName[name];

    public static TheoryData<string> Names(DifferentialCase[] group)
    {
        var data = new TheoryData<string>();
        foreach (var c in group)
        {
            data.Add(c.Name);
        }

        return data;
    }
}
