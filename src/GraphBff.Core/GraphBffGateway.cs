using System.Buffers;
using System.Text.Json;
using System.Security.Claims;
using GraphBff.Authorization;
using GraphBff.Composition;
using GraphBff.Execution;
using GraphBff.Planning;
using GraphBff.Sources;
using GraphBff.Sources.GraphQL;
using GraphQLParser.AST;

namespace GraphBff;

/// <summary>
/// The gateway's engine: the composed graph, the upstream clients, and the pipeline
/// document cache → validation → plan → execution → response writer.
/// </summary>
public sealed class GraphBffGateway : IDisposable
{
    private readonly Dictionary<string, UpstreamClient> _clients;
    private readonly DocumentCache _documents;
    private readonly PlanExecutor _executor;
    private readonly GraphBffOptions _options;

    private GraphBffGateway(GraphBffOptions options, CompositeSchema schema, Dictionary<string, UpstreamClient> clients)
    {
        _options = options;
        Schema = schema;
        _clients = clients;
        _documents = new DocumentCache(schema, options.DocumentCacheSize, options.MaxDepth);
        _executor = new PlanExecutor(clients, schema.Schema);
    }

    internal CompositeSchema Schema { get; }

    /// <summary>The composed public schema (what <c>schema/gateway.graphql</c> holds).</summary>
    public string PublicSdl => Schema.PublicSdl;

    public GraphBffOptions Options => _options;

    /// <summary>Leave out of introspection what the caller may not read (BEFORE_RESOLVER rules); default false.</summary>
    public bool FilterIntrospection { get; set; }

    /// <summary>Decides <c>@authorize</c> rules; the ASP.NET Core package plugs in <c>IAuthorizationService</c>.</summary>
    public IGraphBffAuthorizer Authorizer { get; set; } = DefaultAuthorizer.Instance;

    private static readonly ClaimsPrincipal s_anonymous = new(new ClaimsIdentity());

    /// <summary>Every policy named by <c>@authorize</c>, with the field that names it (checked at start-up).</summary>
    public IEnumerable<(string Field, string Policy)> PolicyReferences()
    {
        foreach (var type in Schema.Types.Values)
        {
            foreach (var field in type.Fields)
            {
                foreach (var rule in field.Authorization?.Rules ?? [])
                {
                    if (rule.Policy is { } policy)
                    {
                        yield return ($"{type.Name}.{field.Name}", policy);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Loads each source's SDL (introspecting GraphQL sources, falling back to their file), composes the graph and
    /// opens the clients. Throws <see cref="GraphBffConfigurationException"/> naming what is wrong.
    /// </summary>
    public static async Task<GraphBffGateway> CreateAsync(
        GraphBffOptions options,
        Action<string>? log = null,
        Func<SourceOptions, HttpMessageHandler>? handlerFactory = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        log ??= static _ => { };
        var clients = new Dictionary<string, UpstreamClient>(StringComparer.Ordinal);
        try
        {
            var schemas = new List<SourceSchema>();
            foreach (var source in options.Sources.Values)
            {
                var client = new UpstreamClient(source, handlerFactory?.Invoke(source) ?? UpstreamClient.CreateHandler());
                clients[source.Name] = client;
                schemas.Add(await LoadSourceSchemaAsync(options, source, client, log, cancellationToken).ConfigureAwait(false));
            }

            var extensionDirectory = Path.Combine(options.SchemaDirectory, "extensions");
            var extensions = Directory.Exists(extensionDirectory)
                ? Directory.GetFiles(extensionDirectory, "*.graphql").Order(StringComparer.Ordinal)
                    .Select(static f => new SchemaFile(f, File.ReadAllText(f))).ToList()
                : [];
            var schema = SchemaComposer.Compose(schemas, extensions);
            return new GraphBffGateway(options, schema, clients);
        }
        catch
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }

            throw;
        }
    }

    private static async Task<SourceSchema> LoadSourceSchemaAsync(
        GraphBffOptions options, SourceOptions source, UpstreamClient client, Action<string> log, CancellationToken cancellationToken)
    {
        var file = source.SchemaFile ?? Path.Combine(options.SchemaDirectory, "sources", source.Name + ".graphql");
        if (source.Kind == SourceKind.GraphQL)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new { query = IntrospectionSdl.Query });
            var response = await client.PostGraphQLAsync(body, RequestContext.Anonymous, cancellationToken).ConfigureAwait(false);
            using (response.Document)
            {
                if (response.Document is { } document &&
                    document.RootElement.ValueKind == JsonValueKind.Object &&
                    document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object &&
                    data.TryGetProperty("__schema", out var introspected))
                {
                    log($"Source '{source.Name}': schema introspected from {source.Url}.");
                    return new SourceSchema(source.Name, source.Kind, IntrospectionSdl.ToSdl(introspected), $"{source.Url} (introspection)");
                }
            }

            if (!File.Exists(file))
            {
                throw new GraphBffConfigurationException(
                    $"Source '{source.Name}' ({source.Url}) could not be introspected ({response.Error?.Message ?? "no schema in its answer"}) and its fallback file {file} does not exist.");
            }

            log($"Source '{source.Name}': introspection failed ({response.Error?.Message ?? "no schema in its answer"}); using {file}.");
        }
        else if (!File.Exists(file))
        {
            throw new GraphBffConfigurationException($"GraphBff:Sources:{source.Name}: REST source needs its SDL file {file}, which does not exist.");
        }

        return new SourceSchema(source.Name, source.Kind, await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false), file);
    }

    /// <summary>Runs one request and writes the JSON response into <paramref name="output"/>.</summary>
    public async Task<GatewayResult> ExecuteAsync(
        GatewayRequest request, RequestContext context, ArrayBufferWriter<byte> output, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return RequestError(output, 400, new GraphQLError("The request has no query.", ErrorCodes.BadRequest));
        }

        var document = _documents.Get(request.Query);
        if (document.SyntaxError is { } syntaxError)
        {
            return RequestError(output, 400, syntaxError);
        }

        var operation = document.GetOperation(request.OperationName, out var operationError);
        if (operation is null)
        {
            return RequestError(output, 400, operationError!);
        }

        if (operation.Errors.Count > 0)
        {
            return RequestError(output, 400, [.. operation.Errors]);
        }

        var type = operation.Operation.Operation;
        if (type == OperationType.Mutation && !request.AllowMutations)
        {
            return RequestError(output, 405, new GraphQLError("Mutations cannot be sent with GET; use POST.", ErrorCodes.BadRequest));
        }

        if (type == OperationType.Subscription)
        {
            return RequestError(output, 400, new GraphQLError(
                "Subscriptions are served over WebSocket (graphql-transport-ws) and server-sent events, not plain HTTP.", ErrorCodes.BadRequest));
        }

        var variables = request.Variables;
        if (variables.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            return RequestError(output, 400, new GraphQLError("'variables' must be an object.", ErrorCodes.BadRequest));
        }

        if (VariableCoercer.Check(Schema, operation.Operation, variables) is { } variableErrors)
        {
            return RequestError(output, 400, [.. variableErrors]);
        }

        var user = context.User ?? s_anonymous;
        var decisions = new AuthorizationDecisions(operation.AuthorizationPoints, ~0UL, user.Identity?.IsAuthenticated == true, Authorizer);
        if (operation.AuthorizationPoints.Length > 0)
        {
            var (allowed, rejection) = await DecideAsync(operation.AuthorizationPoints, user).ConfigureAwait(false);
            if (rejection is not null)
            {
                return RequestError(output, decisions.Authenticated ? 403 : 401, rejection);
            }

            decisions = decisions with { Allowed = allowed };
        }

        var plan = operation.GetPlan(
            operation.ConditionKey(variables),
            decisions.Key,
            () => OperationPlanner.Plan(Schema, document.Document!, operation.Operation, variables, decisions));
        using var filter = FilterIntrospection && plan.HasIntrospection ? AuthorizationSchemaFilter.Enter(user, Authorizer) : null;
        using var state = new ExecutionState(plan, variables, context);
        await _executor.ExecuteAsync(state, cancellationToken).ConfigureAwait(false);
        ResponseWriter.Write(state, output, user, Authorizer);
        return new GatewayResult(200);
    }

    /// <summary>Decides each BEFORE_RESOLVER and VALIDATION rule once; a denied VALIDATION rule rejects the operation.</summary>
    private async ValueTask<(ulong Allowed, GraphQLError? Rejection)> DecideAsync(AuthorizeRule[] points, ClaimsPrincipal user)
    {
        var allowed = ~0UL;
        for (var i = 0; i < points.Length; i++)
        {
            if (await Authorizer.AuthorizeAsync(user, points[i], null).ConfigureAwait(false))
            {
                continue;
            }

            if (points[i].Apply == ApplyPolicy.Validation)
            {
                var authenticated = user.Identity?.IsAuthenticated == true;
                return (0, new GraphQLError(
                    authenticated ? $"The operation needs {points[i]}, which the caller does not satisfy." : $"The operation needs {points[i]}; authenticate first.",
                    authenticated ? ErrorCodes.NotAuthorized : ErrorCodes.NotAuthenticated));
            }

            if (i < 63)
            {
                allowed &= ~(1UL << i);
            }
        }

        return (allowed, null);
    }

    internal static GatewayResult RequestError(ArrayBufferWriter<byte> output, int status, params GraphQLError[] errors)
    {
        using var writer = new Utf8JsonWriter(output, ResponseWriter.Options);
        writer.WriteStartObject();
        writer.WritePropertyName("errors"u8);
        ResponseWriter.WriteErrors(writer, errors);
        writer.WriteEndObject();
        writer.Flush();
        return new GatewayResult(status);
    }

    /// <summary>Writes a response holding one request error (used by the transports for bad HTTP input).</summary>
    public static void WriteRequestError(ArrayBufferWriter<byte> output, string message, string code) =>
        RequestError(output, 400, new GraphQLError(message, code));

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
