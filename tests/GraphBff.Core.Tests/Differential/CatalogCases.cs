namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// The queries of the catalog differential tests (enums and custom scalars), by behaviour. Case names are unique across
/// all groups. Book ids refer to <see cref="CatalogData"/>.
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

    private static readonly Dictionary<string, DifferentialCase> s_byName =
        new[] { Enums, InvalidEnums, Scalars, RequestErrors, Introspection, UpstreamIntrospection }
            .SelectMany(static group => group)
            .ToDictionary(static c => c.Name, StringComparer.Ordinal);

    public static IEnumerable<DifferentialCase> All => s_byName.Values;

    public static DifferentialCase Get(string name) => s_byName[name];
}
