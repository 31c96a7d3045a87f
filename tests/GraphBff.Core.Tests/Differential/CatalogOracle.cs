using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// The reference implementation for the catalog gateway, independent of the gateway's engine: GraphQL.NET executes the
/// gateway's public SDL; each root field POSTs the equivalent document to the catalog (always selecting every
/// <c>Book</c> field, and for an abstract field <c>__typename</c> plus every field of every member) and leaves read the
/// upstream JSON. Interfaces and unions resolve to the object type named by the upstream's <c>__typename</c>. Enum results
/// go through GraphQL.NET's own enum serialization (values outside the enum are field errors); the custom scalars pass the
/// upstream's JSON values through.
/// </summary>
internal sealed class CatalogOracle : IDisposable
{
    private const string CacheKey = "catalog-oracle-cache";

    private const string BookSelection = "{ id title genre published rating pages copiesSold inPrint tags meta weird related shelf }";

    /// <summary>
    /// <c>Magazine.genre</c> (Genre) is aliased: next to <c>Book.genre</c> (Genre!) in sibling fragments the two would not
    /// have the same response shape, and the catalog would reject the document.
    /// </summary>
    private const string MagazineGenreAlias = "magazineGenre";

    /// <summary><c>featured</c> only by its type and id: <c>Magazine.featured</c> fetches the whole item, level by level.</summary>
    private const string MagazineSelection = "{ id title issue " + MagazineGenreAlias + ": genre featured { __typename ... on Item { id } } }";

    /// <summary>Every field of every member of <c>Item</c> and <c>SearchResult</c>, and the <c>__typename</c> that picks the member.</summary>
    private const string AbstractSelection = "{ __typename ... on Book " + BookSelection + " ... on Magazine " + MagazineSelection + " }";

    /// <summary>
    /// Compact, and escaping like the gateway's writer (non-ASCII and HTML-sensitive characters unescaped): how a string
    /// is escaped is presentation, not data, and the comparison is byte for byte.
    /// </summary>
    private static readonly GraphQLSerializer s_serializer = new(static options =>
    {
        options.WriteIndented = false;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    });

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Uri _catalogGraphQL;
    private readonly DocumentExecuter _executer = new();

    public CatalogOracle(string publicSdl, Uri catalogGraphQL)
    {
        _catalogGraphQL = catalogGraphQL;
        Schema = BuildSchema(publicSdl);
    }

    public ISchema Schema { get; }

    public async Task<string> ExecuteAsync(string query, string? variablesJson, string? operationName = null)
    {
        var variables = variablesJson is null ? null : s_serializer.Deserialize<Inputs>(variablesJson);
        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = Schema,
            Query = query,
            OperationName = operationName,
            Variables = variables,
            UserContext = new Dictionary<string, object?> { [CacheKey] = new ConcurrentDictionary<string, Lazy<Task<JsonElement>>>(StringComparer.Ordinal) },
        });
        return s_serializer.Serialize(result);
    }

    public void Dispose() => _http.Dispose();

    private ISchema BuildSchema(string sdl)
    {
        var document = Parser.Parse(sdl);
        var scalarDefinitions = document.Definitions.OfType<GraphQLScalarTypeDefinition>().ToList();
        var scalars = scalarDefinitions.Select(static s => s.Name.StringValue).ToList();
        ISchema? built = null;
        IObjectGraphType ResolveType(object value) =>
            value is JsonElement { ValueKind: JsonValueKind.Object } element &&
            element.TryGetProperty("__typename", out var typename) && typename.ValueKind == JsonValueKind.String &&
            built!.AllTypes[typename.GetString()!] is IObjectGraphType objectType
                ? objectType
                : throw new ExecutionError("the source sent no known __typename.");

        var schema = GraphQL.Types.Schema.For(sdl, builder =>
        {
            foreach (var definition in document.Definitions.OfType<GraphQLTypeDefinition>())
            {
                if (definition is GraphQLInterfaceTypeDefinition or GraphQLUnionTypeDefinition)
                {
                    builder.Types.For(definition.Name.StringValue).ResolveType = ResolveType;
                }
            }

            foreach (var type in document.Definitions.OfType<GraphQLObjectTypeDefinition>())
            {
                foreach (var field in type.Fields?.Items ?? [])
                {
                    builder.Types.For(type.Name.StringValue).FieldFor(field.Name.StringValue).Resolver =
                        ResolverFor(type.Name.StringValue, field.Name.StringValue);
                }
            }

            foreach (var scalar in scalars)
            {
                builder.Types.Include(scalar, typeof(object));
            }
        });
        // The scalar as the SDL declares it, description included.
        foreach (var scalar in scalarDefinitions)
        {
            schema.RegisterType(new CatalogOracleScalarGraphType(scalar.Name.StringValue)
            {
                Description = scalar.Description is { } description ? (string)description.Value : null,
            });
        }

        schema.Initialize();
        built = schema;
        return schema;
    }

    private IFieldResolver ResolverFor(string typeName, string fieldName) => (typeName, fieldName) switch
    {
        ("Query", "book") => Root("query($id: ID!) { book(id: $id) " + BookSelection + " }", "book", static c => new()
        {
            ["id"] = c.GetArgument<string>("id"),
        }),
        ("Query", "books") => Root("query($genre: Genre, $first: Int) { books(genre: $genre, first: $first) " + BookSelection + " }", "books", static c => new()
        {
            ["genre"] = c.GetArgument<object?>("genre")?.ToString(),
            ["first"] = c.GetArgument<int?>("first"),
        }),
        ("Query", "booksIn") => Root("query($genres: [Genre!]!) { booksIn(genres: $genres) " + BookSelection + " }", "booksIn", static c => new()
        {
            ["genres"] = c.GetArgument<List<object>>("genres").Select(static g => g.ToString()).ToList(),
        }),
        ("Query", "publishedAfter") => Root("query($date: Date!) { publishedAfter(date: $date) " + BookSelection + " }", "publishedAfter", static c => new()
        {
            ["date"] = c.GetArgument<object?>("date"),
        }),
        ("Query", "items") => Root("query { items " + AbstractSelection + " }", "items", static _ => []),
        ("Query", "item") => Root("query($id: ID!) { item(id: $id) " + AbstractSelection + " }", "item", static c => new()
        {
            ["id"] = c.GetArgument<string>("id"),
        }),
        ("Query", "search") => Root("query($text: String!) { search(text: $text) " + AbstractSelection + " }", "search", static c => new()
        {
            ["text"] = c.GetArgument<string>("text"),
        }),
        ("Magazine", "genre") => new FuncFieldResolver<object?>(static c => ReadProperty(c, MagazineGenreAlias)),
        ("Magazine", "featured") => new FuncFieldResolver<object?>(async context =>
        {
            if (context.Source is not JsonElement { ValueKind: JsonValueKind.Object } parent ||
                !parent.TryGetProperty("featured", out var featured) || featured.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var value = await PostAsync(context, "query($id: ID!) { item(id: $id) " + AbstractSelection + " }", "item", new()
            {
                ["id"] = featured.GetProperty("id").GetString(),
            });
            return ToClr(value, context.FieldDefinition.ResolvedType!);
        }),
        ("Query", "echo") => Root("query($value: JSON) { echo(value: $value) }", "echo", static c => new()
        {
            ["value"] = c.GetArgument<object?>("value"),
        }),
        ("Query", _) => throw new InvalidOperationException("The catalog oracle has no resolver for Query." + fieldName),
        _ => new FuncFieldResolver<object?>(ReadLeaf),
    };

    /// <summary>A root field: POSTs the document with the field's arguments as variables and completes <c>data.{field}</c>.</summary>
    private FuncFieldResolver<object?> Root(string document, string field, Func<IResolveFieldContext, Dictionary<string, object?>> variables) =>
        new(async context =>
        {
            var value = await PostAsync(context, document, field, variables(context));
            return ToClr(value, context.FieldDefinition.ResolvedType!);
        });

    private Task<JsonElement> PostAsync(IResolveFieldContext context, string document, string field, Dictionary<string, object?> variables)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object?> { ["query"] = document, ["variables"] = variables });
        var cache = (ConcurrentDictionary<string, Lazy<Task<JsonElement>>>)context.UserContext[CacheKey]!;
        return cache.GetOrAdd(body, _ => new Lazy<Task<JsonElement>>(async () =>
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(_catalogGraphQL, content);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new ExecutionError($"catalog answered {(int)response.StatusCode}.");
            }

            var json = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
            if (json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                throw new ExecutionError("catalog: " + errors[0].GetProperty("message").GetString());
            }

            return json.GetProperty("data").GetProperty(field);
        })).Value;
    }

    /// <summary>Reads the property named like the field (never the client's alias).</summary>
    private static object? ReadLeaf(IResolveFieldContext context) => ReadProperty(context, context.FieldDefinition.Name);

    private static object? ReadProperty(IResolveFieldContext context, string property) =>
        context.Source is JsonElement { ValueKind: JsonValueKind.Object } parent && parent.TryGetProperty(property, out var value)
            ? ToClr(value, context.FieldDefinition.ResolvedType!)
            : null;

    /// <summary>
    /// The CLR value GraphQL.NET completes for a JSON value at a position of the given type: lists become lists, objects
    /// (also at interface and union positions) stay <see cref="JsonElement"/>s, built-in scalars become their CLR values
    /// (a wrong kind or an Int beyond 32 bits is a field error), enum positions get the string (GraphQL.NET rejects names
    /// outside the enum), custom scalars the JSON as is.
    /// </summary>
    private static object? ToClr(JsonElement value, IGraphType type)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (type)
        {
            case NonNullGraphType nonNull:
                return ToClr(value, nonNull.ResolvedType!);
            case ListGraphType list:
                return value.ValueKind == JsonValueKind.Array
                    ? value.EnumerateArray().Select(item => ToClr(item, list.ResolvedType!)).ToList()
                    : throw new ExecutionError("the source did not send a list.");
            case IComplexGraphType or IAbstractGraphType:
                return value.ValueKind == JsonValueKind.Object ? value : throw new ExecutionError("the source did not send an object.");
            case CatalogOracleScalarGraphType:
                return value;
            case EnumerationGraphType:
                return value.ValueKind == JsonValueKind.String ? value.GetString() : value;
            case IntGraphType:
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var integer)
                    ? integer
                    : throw new ExecutionError("the source sent " + value.GetRawText() + " for an Int.");
            case FloatGraphType:
                return value.ValueKind == JsonValueKind.Number
                    ? value.GetDouble()
                    : throw new ExecutionError("the source sent " + value.GetRawText() + " for a Float.");
            case BooleanGraphType:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? value.GetBoolean()
                    : throw new ExecutionError("the source sent " + value.GetRawText() + " for a Boolean.");
            case IdGraphType:
                return value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number when value.TryGetInt64(out _) => value.GetRawText(),
                    _ => throw new ExecutionError("the source sent " + value.GetRawText() + " for an ID."),
                };
            default:
                return value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : throw new ExecutionError("the source sent " + value.GetRawText() + " for a String.");
        }
    }
}
