using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// A reference implementation of the composed graph, written independently of the gateway's engine: GraphQL.NET
/// executes the gateway's public SDL with plain, one-call-per-field resolvers that read the same upstream servers
/// over HTTP (the REST content API, and POSTed GraphQL documents to accounts). Every object is a <see cref="JsonElement"/>
/// as the upstream sent it; leaves read the property named like the field and convert it to a CLR value.
/// </summary>
internal sealed class DifferentialOracle : IDisposable
{
    private const string CacheKey = "differential-oracle-cache";

    /// <summary>The accounts fields of <c>User</c>; the oracle always asks for all of them.</summary>
    private const string UserSelection = "{ id name email company role }";

    private static readonly GraphQLSerializer s_serializer = new(indent: false);

    private readonly HttpClient _content;
    private readonly HttpClient _accounts;
    private readonly Uri _accountsGraphQL;
    private readonly DocumentExecuter _executer = new();

    public DifferentialOracle(string publicSdl, Uri contentBase, Uri accountsGraphQL)
    {
        _content = new HttpClient { BaseAddress = contentBase, Timeout = TimeSpan.FromSeconds(10) };
        _accounts = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        _accountsGraphQL = accountsGraphQL;
        Schema = BuildSchema(publicSdl);
    }

    public ISchema Schema { get; }

    /// <summary>Runs one request and returns the response exactly as GraphQL.NET's System.Text.Json serializer writes it (compact).</summary>
    public async Task<string> ExecuteAsync(string query, string? variablesJson, string? operationName = null)
    {
        var variables = variablesJson is null ? null : s_serializer.Deserialize<Inputs>(variablesJson);
        var result = await _executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = Schema,
            Query = query,
            OperationName = operationName,
            Variables = variables,
            UserContext = new Dictionary<string, object?> { [CacheKey] = new RequestCache() },
        });
        return s_serializer.Serialize(result);
    }

    public void Dispose()
    {
        _content.Dispose();
        _accounts.Dispose();
    }

    private ISchema BuildSchema(string sdl)
    {
        var document = Parser.Parse(sdl);
        var schema = GraphQL.Types.Schema.For(sdl, builder =>
        {
            foreach (var type in document.Definitions.OfType<GraphQLObjectTypeDefinition>())
            {
                var typeName = type.Name.StringValue;
                foreach (var field in type.Fields?.Items ?? [])
                {
                    var fieldName = field.Name.StringValue;
                    var config = builder.Types.For(typeName).FieldFor(fieldName);
                    if (typeName == "Subscription")
                    {
                        config.StreamResolver = new SourceStreamResolver<object?>(static _ => EmptyObservable.Instance);
                        config.Resolver = new FuncFieldResolver<object?>(static context => context.Source);
                        continue;
                    }

                    config.Resolver = ResolverFor(typeName, fieldName);
                }
            }
        });
        schema.Initialize();
        return schema;
    }

    /// <summary>The joins and root fields of the scenario's composed graph; every other field is a leaf read from its parent.</summary>
    private IFieldResolver ResolverFor(string typeName, string fieldName) => (typeName, fieldName) switch
    {
        ("Query", "posts") => Async(context =>
        {
            var limit = context.GetArgument<int?>("limit");
            return GetRestAsync(context, limit is null ? "posts" : "posts?limit=" + limit.Value.ToString(CultureInfo.InvariantCulture));
        }),
        ("Query", "post") => Async(context => GetRestAsync(context, "posts/" + Uri.EscapeDataString(context.GetArgument<string>("id")))),
        ("Query", "user") => Async(context => GetUserAsync(context, context.GetArgument<string>("id"))),
        ("Query", "me") => Async(context => QueryAccountsAsync(context, "query { me " + UserSelection + " }", "me", null)),
        ("Post", "author") or ("Comment", "author") => Async(context =>
            ParentText(context, "authorId") is { } authorId ? GetUserAsync(context, authorId) : Task.FromResult<object?>(null)),
        ("Post", "comments") => Async(context =>
            ParentText(context, "id") is { } id ? GetRestAsync(context, "posts/" + Uri.EscapeDataString(id) + "/comments") : Task.FromResult<object?>(null)),
        ("User", "posts") => Async(context =>
            ParentText(context, "id") is { } id ? GetRestAsync(context, "users/" + Uri.EscapeDataString(id) + "/posts") : Task.FromResult<object?>(null)),
        _ => new FuncFieldResolver<object?>(ReadLeaf),
    };

    private static FuncFieldResolver<object?> Async(Func<IResolveFieldContext, Task<object?>> resolve) =>
        new(async context => CheckShape(context, await resolve(context)));

    /// <summary>
    /// The spec's CompleteValue checks GraphQL.NET leaves to the resolver here: a list position needs a JSON array and an
    /// object position a JSON object, otherwise the field has an error.
    /// </summary>
    private static object? CheckShape(IResolveFieldContext context, object? value)
    {
        if (value is null)
        {
            return null;
        }

        var type = context.FieldDefinition.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : context.FieldDefinition.ResolvedType;
        if (type is ListGraphType)
        {
            return value is List<object?> items && items.All(static item => item is JsonElement { ValueKind: JsonValueKind.Object })
                ? value
                : throw new ExecutionError($"{context.ParentType.Name}.{context.FieldDefinition.Name}: the source did not send a list of objects.");
        }

        return value is JsonElement { ValueKind: JsonValueKind.Object }
            ? value
            : throw new ExecutionError($"{context.ParentType.Name}.{context.FieldDefinition.Name}: the source did not send an object.");
    }

    /// <summary>Reads the property named like the field (never the alias) and converts it by the field's scalar type.</summary>
    private static object? ReadLeaf(IResolveFieldContext context)
    {
        if (context.Source is not JsonElement { ValueKind: JsonValueKind.Object } parent ||
            !parent.TryGetProperty(context.FieldDefinition.Name, out var value))
        {
            return null;
        }

        var type = context.FieldDefinition.ResolvedType;
        while (type is IProvideResolvedType wrapper && type is NonNullGraphType or ListGraphType)
        {
            type = wrapper.ResolvedType;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => type switch
            {
                IntGraphType => value.GetInt32(),
                FloatGraphType => value.GetDouble(),
                _ => value.GetRawText(),
            },
            _ => value,
        };
    }

    private static string? ParentText(IResolveFieldContext context, string property)
    {
        if (context.Source is not JsonElement { ValueKind: JsonValueKind.Object } parent || !parent.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static RequestCache Cache(IResolveFieldContext context) => (RequestCache)context.UserContext[CacheKey]!;

    /// <summary>GET on the content API: the parsed body, null on 404, an error on any other failure.</summary>
    private Task<object?> GetRestAsync(IResolveFieldContext context, string relativeUrl) =>
        Cache(context).GetOrAdd("GET " + relativeUrl, async () =>
        {
            using var response = await _content.GetAsync(relativeUrl);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new ExecutionError($"content answered {(int)response.StatusCode} to GET /{relativeUrl}.");
            }

            var json = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

            // GraphQL.NET completes list fields from an IEnumerable: a JSON array becomes a list of its items.
            return json.ValueKind == JsonValueKind.Array ? json.EnumerateArray().Select(static item => (object?)item).ToList() : json;
        });

    private Task<object?> GetUserAsync(IResolveFieldContext context, string id) =>
        QueryAccountsAsync(context, "query($id: ID!) { user(id: $id) " + UserSelection + " }", "user", id);

    /// <summary>POSTs one document to accounts and returns <c>data.{field}</c>; upstream errors become field errors.</summary>
    private Task<object?> QueryAccountsAsync(IResolveFieldContext context, string document, string field, string? id) =>
        Cache(context).GetOrAdd("POST " + field + " " + id, async () =>
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["query"] = document,
                ["variables"] = id is null ? null : new Dictionary<string, string> { ["id"] = id },
            });
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _accounts.PostAsync(_accountsGraphQL, content);
            var json = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
            if (json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                throw new ExecutionError("accounts: " + errors[0].GetProperty("message").GetString());
            }

            if (!json.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                throw new ExecutionError($"accounts answered {(int)response.StatusCode} without data.");
            }

            var value = data.GetProperty(field);
            return value.ValueKind == JsonValueKind.Null ? null : value;
        });

    /// <summary>Memoizes upstream calls within one request (the data is deterministic; this only saves time).</summary>
    private sealed class RequestCache
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> _calls = new(StringComparer.Ordinal);

        public Task<object?> GetOrAdd(string key, Func<Task<object?>> call) =>
            _calls.GetOrAdd(key, _ => new Lazy<Task<object?>>(call)).Value;
    }

    private sealed class EmptyObservable : IObservable<object?>, IDisposable
    {
        public static readonly EmptyObservable Instance = new();

        public IDisposable Subscribe(IObserver<object?> observer)
        {
            observer.OnCompleted();
            return this;
        }

        public void Dispose()
        {
        }
    }
}
