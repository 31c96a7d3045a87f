namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// The queries of the catalog differential tests (enums, custom scalars, interfaces and unions), by behaviour. Case names
/// are unique across all groups. Book and magazine ids refer to <see cref="CatalogData"/>.
/// </summary>
public static class CatalogCases
{
    public static readonly DifferentialCase[] Enums =
    [
        new("enum field on one book", """{ book(id: "1") { id genre } }"""),
        new("enum field across a list", "{ books(first: 10) { id genre } }"),
        new("enum argument as a literal", "{ books(genre: SCIENCE) { id title genre } }"),
        new("enum argument as a variable",
            "query ($g: Genre) { books(genre: $g) { id genre } }", """{"g":"HISTORY"}"""),
        new("enum variable with a default",
            "query ($g: Genre = FICTION) { books(genre: $g, first: 10) { id genre } }"),
        new("enum variable with a default overridden by null",
            "query ($g: Genre = FICTION) { books(genre: $g, first: 10) { id genre } }", """{"g":null}"""),
        new("enum argument as a null literal", "{ books(genre: null, first: 3) { id genre } }"),
        new("enum list argument as a list literal", "{ booksIn(genres: [SCIENCE, HISTORY]) { id genre } }"),
        new("enum list argument as a single literal", "{ booksIn(genres: FICTION) { id } }"),
        new("enum list argument as an empty list", "{ booksIn(genres: []) { id } }"),
        new("enum list variable",
            "query ($gs: [Genre!]!) { booksIn(genres: $gs) { id genre } }", """{"gs":["FICTION","SCIENCE"]}"""),
        new("enum list variable given as a single value",
            "query ($gs: [Genre!]!) { booksIn(genres: $gs) { id genre } }", """{"gs":"HISTORY"}"""),
        new("lists of enums: values, empty and null",
            """{ a: book(id: "5") { related } b: book(id: "2") { related } c: book(id: "3") { related } }"""),
        new("enum fields under aliases and fragments",
            """
            { a: book(id: "1") { ...G } b: book(id: "2") { kind: genre ... on Book { genre shelf } } }
            fragment G on Book { genre g2: genre }
            """),
        new("enum variable inside a list literal",
            "query ($g: Genre!) { booksIn(genres: [SCIENCE, $g]) { id genre } }", """{"g":"HISTORY"}"""),
        new("deprecated enum value as a literal argument", "{ books(genre: ESSAY) { id } all: books(first: 1) { id } }"),
        new("deprecated enum value as a variable",
            "query ($g: Genre) { books(genre: $g) { id } }", """{"g":"ESSAY"}"""),
        new("typename next to enum fields", """{ book(id: "7") { __typename genre weird shelf } }"""),
    ];

    public static readonly DifferentialCase[] InvalidEnums =
    [
        new("enum value outside the enum is null with an error",
            """{ book(id: "4") { id title weird } }""", Expect: OracleExpectation.FieldErrors),
        new("empty string for an enum is null with an error",
            """{ book(id: "10") { id weird } }""", Expect: OracleExpectation.FieldErrors),
        new("invalid enums across a list",
            "{ books(first: 10) { id weird } }", Expect: OracleExpectation.FieldErrors),
        new("invalid item in a list of non-null enums nulls the list",
            """{ book(id: "4") { id related } }""", Expect: OracleExpectation.FieldErrors),
        new("invalid non-null enum nulls the parent object",
            """{ book(id: "6") { id title shelf } }""", Expect: OracleExpectation.FieldErrors),
        new("invalid non-null enum in a non-null list nulls data",
            """{ ok: book(id: "1") { id } books(genre: HISTORY) { id shelf } }""", Expect: OracleExpectation.FieldErrors),
        new("invalid enum under two aliases",
            """{ book(id: "4") { w: weird also: weird genre } }""", Expect: OracleExpectation.FieldErrors),
        new("invalid enums through fragments across a list",
            """
            { booksIn(genres: [FICTION]) { ...B } }
            fragment B on Book { id ... on Book { weird related } }
            """,
            Expect: OracleExpectation.FieldErrors),
    ];

    public static readonly DifferentialCase[] Scalars =
    [
        new("Date scalar value and null", """{ a: book(id: "1") { published } b: book(id: "4") { published } }"""),
        new("Date scalar across a list", "{ books(first: 10) { id published } }"),
        new("JSON scalar object", """{ book(id: "1") { meta } }"""),
        new("JSON scalar array", """{ book(id: "2") { meta } }"""),
        new("JSON scalar number, string and null",
            """{ n: book(id: "4") { meta } s: book(id: "5") { meta } z: book(id: "3") { meta } }"""),
        new("JSON scalar with nesting, escapes and non-ASCII text", """{ book(id: "6") { id meta } }"""),
        new("JSON scalar empty object, empty array and mixed array",
            """{ a: book(id: "7") { meta } b: book(id: "8") { meta } c: book(id: "9") { meta } }"""),
        new("Float with integral values", """{ a: book(id: "2") { rating } b: book(id: "9") { rating } }"""),
        new("Float extremes and null",
            """{ a: book(id: "7") { rating } b: book(id: "8") { rating } c: book(id: "5") { rating } d: book(id: "10") { rating } e: book(id: "3") { rating } }"""),
        new("Int extremes", """{ max: book(id: "4") { pages } neg: book(id: "7") { pages } zero: book(id: "8") { pages } }"""),
        new("Int beyond 32 bits from upstream is null with an error",
            """{ book(id: "8") { id copiesSold } }""", Expect: OracleExpectation.FieldErrors),
        new("Int beyond 32 bits in one item of a list",
            "{ books(genre: SCIENCE) { id copiesSold } }", Expect: OracleExpectation.FieldErrors),
        new("Boolean across a list", "{ books(first: 10) { id inPrint } }"),
        new("lists of strings, including empty", "{ books(first: 10) { id tags } }"),
        new("every leaf kind through a fragment with aliases",
            """
            { books(first: 3) { ...All } }
            fragment All on Book { id t: title genre published r: rating pages inPrint tags meta weird related shelf }
            """),
        new("title with quotes and escapes", """{ book(id: "9") { id title } }"""),
        new("custom scalar argument as a literal", """{ publishedAfter(date: "1980-01-01") { id published } }"""),
        new("custom scalar argument as a variable",
            "query ($d: Date!) { publishedAfter(date: $d) { id published genre } }", """{"d":"1985-01-01"}"""),
        new("custom scalar variable with a default",
            """query ($d: Date! = "1990-01-01") { publishedAfter(date: $d) { id published } }"""),
        new("JSON variable with an object default",
            """query ($v: JSON = {a: [1, {b: "c"}], d: null, e: FICTION}) { echo(value: $v) }"""),
        new("JSON argument as an object literal",
            """{ echo(value: {a: 1, b: [true, null, "x"], c: {d: "e"}}) }"""),
        new("JSON argument as a variable",
            "query ($v: JSON) { echo(value: $v) }", """{"v":{"a":[1,2,{"b":null}],"s":"t","f":false}}"""),
        new("JSON argument as scalar and list literals under aliases",
            """{ n: echo(value: 7) s: echo(value: "seven") l: echo(value: [1, "two"]) z: echo(value: null) o: echo }"""),
        new("custom scalar argument rejected by the upstream",
            """{ publishedAfter(date: "not-a-date") { id } }""", Expect: OracleExpectation.FieldErrors),
    ];

    public static readonly DifferentialCase[] RequestErrors =
    [
        new("enum variable with a value outside the enum",
            "query ($g: Genre) { books(genre: $g) { id } }", """{"g":"POETRY"}""", OracleExpectation.RequestErrors),
        new("enum variable in lower case",
            "query ($g: Genre) { books(genre: $g) { id } }", """{"g":"fiction"}""", OracleExpectation.RequestErrors),
        new("enum variable given as a number",
            "query ($g: Genre) { books(genre: $g) { id } }", """{"g":1}""", OracleExpectation.RequestErrors),
        new("enum list variable with one wrong item",
            "query ($gs: [Genre!]!) { booksIn(genres: $gs) { id } }", """{"gs":["FICTION","NOPE"]}""", OracleExpectation.RequestErrors),
        new("enum list variable with a null item",
            "query ($gs: [Genre!]!) { booksIn(genres: $gs) { id } }", """{"gs":["FICTION",null]}""", OracleExpectation.RequestErrors),
        new("enum literal outside the enum is a validation error",
            "{ books(genre: POETRY) { id } }", Expect: OracleExpectation.RequestErrors),
        new("string literal for an enum argument is a validation error",
            """{ books(genre: "FICTION") { id } }""", Expect: OracleExpectation.RequestErrors),
        new("enum variable in an ID position is a validation error",
            "query ($g: Genre) { book(id: $g) { id } }", """{"g":"FICTION"}""", OracleExpectation.RequestErrors),
        new("Int variable beyond 32 bits",
            "query ($n: Int) { books(first: $n) { id } }", """{"n":3000000000}""", OracleExpectation.RequestErrors),
        new("upstream error on a non-null root list",
            "{ books(first: -1) { id } }", Expect: OracleExpectation.FieldErrors),
    ];

    public static readonly DifferentialCase[] Introspection =
    [
        new("enum values by introspection", """{ __type(name: "Genre") { kind name enumValues { name } } }"""),
        new("enum values with deprecation by introspection",
            """{ __type(name: "Genre") { description enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } } }"""),
        new("custom scalars by introspection",
            """{ d: __type(name: "Date") { kind name description } j: __type(name: "JSON") { kind name } }"""),
        new("field types of the enum and scalar fields by introspection",
            """{ __type(name: "Book") { fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }"""),
        new("argument types and enum-related defaults by introspection",
            """{ __type(name: "Query") { fields { name args { name defaultValue type { kind name ofType { kind name ofType { kind name } } } } } } }"""),
        new("schema types list the enum and the scalars", "{ __schema { types { name kind } } }"),
    ];

    /// <summary>
    /// Introspection of the catalog's own types, compared with the catalog itself (not the oracle, which is built from the
    /// gateway's SDL and so cannot see what the gateway dropped while reading the catalog's schema).
    /// </summary>
    public static readonly DifferentialCase[] UpstreamIntrospection =
    [
        new("enum as the catalog describes it",
            """{ __type(name: "Genre") { kind name description enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } } }"""),
        new("enum without deprecated values as the catalog describes it",
            """{ __type(name: "Genre") { enumValues { name } } }"""),
        new("custom scalars as the catalog describes them",
            """{ d: __type(name: "Date") { kind name description } j: __type(name: "JSON") { kind name description } }"""),
        new("Book fields as the catalog describes them",
            """{ __type(name: "Book") { name fields { name args { name } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }"""),
        new("Query arguments and defaults as the catalog describes them",
            """{ __type(name: "Query") { fields { name args { name defaultValue type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }"""),
    ];

    /// <summary>
    /// The interface <c>Item</c> (Book, Magazine) and the union <c>SearchResult</c> (Book | Magazine). Items are, in order,
    /// 1, m1, 2, m2, 3, m3, 4, m4, 5…10; a search returns the items whose title contains the text. <c>Book.genre</c> is
    /// <c>Genre!</c> and <c>Magazine.genre</c> is <c>Genre</c>, so a query never selects both under one response key.
    /// </summary>
    public static readonly DifferentialCase[] Abstract =
    [
        new("interface fields on a list of items", "{ items { id title } }"),
        new("typename of each item in a list", "{ items { __typename id } }"),
        new("inline fragments per concrete type on an interface",
            "{ items { id ... on Book { genre pages } ... on Magazine { issue } } }"),
        new("named fragment on the interface",
            """
            { items { ...ItemFields } }
            fragment ItemFields on Item { id title }
            """),
        new("named fragments on concrete types",
            """
            { items { __typename ...BookFields ...MagazineFields } }
            fragment BookFields on Book { id inPrint tags }
            fragment MagazineFields on Magazine { id issue }
            """),
        new("typename inside type-conditioned fragments",
            "{ items { ... on Book { __typename id } ... on Magazine { kind: __typename t: title } } }"),
        new("typename at the abstract level and inside a fragment under several aliases",
            "{ items { a: __typename ... on Book { b: __typename } __typename } }"),
        new("union with fragments only",
            """{ search(text: "dune") { ... on Book { id title genre } ... on Magazine { id issue mg: genre } } }"""),
        new("union with typename only", """{ search(text: "history") { __typename } }"""),
        new("union member with no selected fields",
            """{ search(text: "the") { ... on Book { id title } ... on Magazine { __typename } } }"""),
        new("union member without a fragment is an empty object",
            """{ search(text: "history") { ... on Book { title } } }"""),
        new("interface fragment inside a union",
            """{ search(text: "the") { __typename ... on Item { id title } } }"""),
        new("union fragment inside an interface",
            "{ items { id ... on SearchResult { ... on Magazine { issue } } } }"),
        new("nested inline and named fragments",
            """
            { items { ... on Item { ... on Book { ...BookBits } ... on Magazine { ... on Item { title } issue } } } }
            fragment BookBits on Book { id ... on Item { title ... on Book { pages } } }
            """),
        new("same field at the interface level and inside fragments is merged in order",
            "{ items { title ... on Book { title pages } ... on Item { id title } ... on Magazine { id } } }"),
        new("aliases across abstract selections",
            """{ all: items { key: id name: title ... on Magazine { n: issue } ... on Book { p: pages } } one: item(id: "m2") { i: id t: __typename } }"""),
        new("same abstract field twice under aliases with different fragments",
            """{ a: search(text: "dune") { ... on Book { id } } b: search(text: "history") { ... on Magazine { issue } } }"""),
        new("include and skip on type-conditioned fragments, fields kept",
            "query ($withIssue: Boolean!, $skipBooks: Boolean!) { items { id ... on Magazine { issue @include(if: $withIssue) } ... on Book @skip(if: $skipBooks) { genre } } }",
            """{"withIssue":true,"skipBooks":false}"""),
        new("include and skip on type-conditioned fragments, fields dropped",
            "query ($withIssue: Boolean!, $skipBooks: Boolean!) { items { id ... on Magazine { issue @include(if: $withIssue) } ... on Book @skip(if: $skipBooks) { genre } } }",
            """{"withIssue":false,"skipBooks":true}"""),
        new("include and skip literals on fragment spreads in a union",
            """
            { search(text: "the") { ...B @include(if: false) ...M @skip(if: false) ... on Book @include(if: true) { id } } }
            fragment B on Book { title }
            fragment M on Magazine { title issue }
            """),
        new("include with a variable default on an abstract root field",
            """query ($x: Boolean = true, $y: Boolean = false) { items @include(if: $x) { id } search(text: "dune") @include(if: $y) { __typename } }"""),
        new("abstract root fields next to a concrete one",
            """{ book(id: "1") { title } item(id: "1") { title } items { id } }"""),
        new("nullable abstract field with an unknown id is null",
            """{ item(id: "nope") { id ... on Book { genre } } }"""),
        new("abstract field resolving to a book and to a magazine",
            """{ b: item(id: "2") { __typename id ... on Book { genre } } m: item(id: "m1") { __typename id ... on Magazine { issue genre } } }"""),
        new("only typename on a nullable abstract field", """{ item(id: "m3") { __typename } }"""),
        new("null nullable field of a magazine", """{ item(id: "m3") { ... on Magazine { id genre } } }"""),
        new("abstract list field with a variable argument",
            "query ($text: String!) { search(text: $text) { __typename ... on Item { id } } }", """{"text":"s"}"""),
        new("union search with no results", """{ search(text: "zzz") { __typename } }"""),
        new("named union fragment spread on an interface",
            """
            { items { ...S } }
            fragment S on SearchResult { __typename ... on Book { id } }
            """),
        new("same abstract field twice under one key is merged",
            """{ item(id: "m1") { id } item(id: "m1") { ... on Magazine { issue featured { id } } } }"""),
        new("abstract field inside a fragment of an abstract list",
            "{ items { ... on Magazine { id featured { __typename ... on Book { id title } ... on Magazine { id issue } } } } }"),
        new("abstract field two levels deep",
            """{ item(id: "m2") { ... on Magazine { featured { ... on Magazine { id featured { __typename ... on Item { id title } } } } } } }"""),
        new("typename aliased as a field name of the interface",
            "{ items { id: __typename ... on Book { title } } }"),
        new("alias __typename on an interface selection", "{ items { __typename: id } }"),
        new("alias __typename inside a type-conditioned fragment",
            """{ item(id: "1") { ... on Book { __typename: title } } }"""),
        new("every book leaf through a fragment on a union member",
            """
            { search(text: "guns") { ... on Book { ...All } } }
            fragment All on Book { id t: title genre published r: rating pages inPrint tags meta weird related shelf }
            """),
    ];

    /// <summary>Errors inside interface and union values: invalid values from the catalog, and queries that do not validate.</summary>
    public static readonly DifferentialCase[] AbstractErrors =
    [
        new("invalid enum inside a fragment on a list of items",
            "{ items { id ... on Book { weird } } }", Expect: OracleExpectation.FieldErrors),
        new("invalid nullable magazine genre in a list of items",
            "{ items { id ... on Magazine { genre } } }", Expect: OracleExpectation.FieldErrors),
        new("invalid enum inside a union member",
            """{ search(text: "verse") { ... on Magazine { title genre } } }""", Expect: OracleExpectation.FieldErrors),
        new("invalid non-null enum in a list of items nulls data",
            "{ items { ... on Book { shelf } } }", Expect: OracleExpectation.FieldErrors),
        new("invalid non-null enum nulls a nullable abstract field",
            """{ item(id: "6") { id ... on Book { shelf } } ok: item(id: "m1") { id } }""", Expect: OracleExpectation.FieldErrors),
        new("invalid Int inside an abstract field nested in an abstract list",
            "{ items { ... on Magazine { featured { ... on Book { id copiesSold } } } } }", Expect: OracleExpectation.FieldErrors),
        new("invalid non-null enum nulls a nested abstract field",
            "{ items { id ... on Magazine { featured { ... on Book { title shelf } } } } }", Expect: OracleExpectation.FieldErrors),
        new("one response key with different nullability in two members is a validation error",
            "{ items { ... on Book { genre } ... on Magazine { genre } } }", Expect: OracleExpectation.RequestErrors),
        new("member field selected on the interface is a validation error",
            "{ items { issue } }", Expect: OracleExpectation.RequestErrors),
        new("field selected directly on a union is a validation error",
            """{ search(text: "a") { id } }""", Expect: OracleExpectation.RequestErrors),
        new("fragment on a type outside the union is a validation error",
            """{ search(text: "a") { ... on Query { __typename } } }""", Expect: OracleExpectation.RequestErrors),
    ];

    public static readonly DifferentialCase[] AbstractIntrospection =
    [
        new("interface and its possible types by introspection",
            """{ __type(name: "Item") { kind name description fields { name type { kind name ofType { kind name } } } interfaces { name } possibleTypes { kind name } } }"""),
        new("union and its possible types by introspection",
            """{ __type(name: "SearchResult") { kind name description fields { name } interfaces { name } possibleTypes { kind name } } }"""),
        new("interfaces of the implementing types by introspection",
            """{ b: __type(name: "Book") { interfaces { kind name } possibleTypes { name } } m: __type(name: "Magazine") { kind fields { name type { kind name ofType { kind name } } } interfaces { name } } }"""),
        new("abstract root field types by introspection",
            """{ __schema { queryType { fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }"""),
    ];

    /// <summary>The interface, the union and their members' introspection, compared with the catalog itself.</summary>
    public static readonly DifferentialCase[] UpstreamAbstractIntrospection =
    [
        new("interface as the catalog describes it",
            """{ __type(name: "Item") { kind name description fields { name type { kind name ofType { kind name } } } possibleTypes { kind name } } }"""),
        new("union as the catalog describes it",
            """{ __type(name: "SearchResult") { kind name description possibleTypes { kind name } } }"""),
        new("implementations as the catalog describes them",
            """{ b: __type(name: "Book") { interfaces { name } } m: __type(name: "Magazine") { kind name interfaces { name } fields { name type { kind name ofType { kind name } } } } }"""),
        new("abstract root fields as the catalog describes them",
            """{ __type(name: "Query") { fields { name args { name type { kind name ofType { kind name } } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }"""),
    ];

    private static readonly Dictionary<string, DifferentialCase> s_byName =
        new[] { Enums, InvalidEnums, Scalars, RequestErrors, Introspection, UpstreamIntrospection, Abstract, AbstractErrors, AbstractIntrospection, UpstreamAbstractIntrospection }
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
