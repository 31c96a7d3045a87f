using System.Runtime.CompilerServices;
using System.Text.Json;
using GraphBff.Composition;
using GraphBff.Planning;
using GraphBff.Sources;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;

namespace GraphBff.Execution;

/// <summary>
/// Runs a plan's fetch nodes: roots at once (in order for a mutation), each node's children as soon as it is done,
/// every node batched over all its parents. Nothing here throws for an upstream's sake: failures become outcomes.
/// </summary>
internal sealed partial class PlanExecutor
{
    private static readonly GraphQLSerializer s_serializer = new();

    // A root fetch's document is the plan's: its escaped form is made once.
    private static readonly ConditionalWeakTable<GraphQLRootFetch, byte[]> s_rootQueries = [];

    // Request bodies are written on one thread without an await in between: one writer per thread serves them all.
    [ThreadStatic]
    private static PooledBufferWriter? t_body;

    [ThreadStatic]
    private static Utf8JsonWriter? t_bodyWriter;

    [ThreadStatic]
    private static PooledBufferWriter? t_query;

    private readonly IReadOnlyDictionary<string, UpstreamClient> _clients;
    private readonly ISchema _schema;
    private readonly DocumentExecuter _introspectionExecuter = new();

    public PlanExecutor(IReadOnlyDictionary<string, UpstreamClient> clients, ISchema schema)
    {
        _clients = clients;
        _schema = schema;
    }

    public async Task ExecuteAsync(ExecutionState state, CancellationToken cancellationToken)
    {
        var roots = state.Plan.RootFetches;
        if (roots.Length == 1 || state.Plan.OperationType == GraphQLParser.AST.OperationType.Mutation)
        {
            foreach (var root in roots)
            {
                await RunAsync(root, state, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var tasks = new Task[roots.Length];
        for (var i = 0; i < roots.Length; i++)
        {
            tasks[i] = RunAsync(roots[i], state, cancellationToken);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task RunAsync(FetchNode node, ExecutionState state, CancellationToken cancellationToken)
    {
        state.Results[node.Id] = node switch
        {
            GraphQLRootFetch root => await FetchRootAsync(root, state, cancellationToken).ConfigureAwait(false),
            FieldFetch field => await FetchFieldAsync(field, state, cancellationToken).ConfigureAwait(false),
            IntrospectionFetch introspection => await IntrospectAsync(introspection, state, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException(node.GetType().Name),
        };

        var children = node.Children;
        if (children.Count == 1)
        {
            await RunAsync(children[0], state, cancellationToken).ConfigureAwait(false);
        }
        else if (children.Count > 1)
        {
            var tasks = new Task[children.Count];
            for (var i = 0; i < children.Count; i++)
            {
                tasks[i] = RunAsync(children[i], state, cancellationToken);
            }

            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
    }

    private async ValueTask<FetchResult> FetchRootAsync(GraphQLRootFetch fetch, ExecutionState state, CancellationToken cancellationToken)
    {
        var query = s_rootQueries.GetValue(fetch, static fetch => [(byte)'"', .. UpstreamJson.Escape(fetch.Document), (byte)'"']);
        var body = GraphQLBody(query, fetch.Variables, state, out var length);
        var response = await _clients[fetch.Source].PostGraphQLAsync(body, length, state.Context, cancellationToken).ConfigureAwait(false);
        var result = new FetchResult();
        result.Single = ReadGraphQL(fetch.Source, response, state, out var errors);
        result.Unmatched = errors;
        return result;
    }

    /// <summary>
    /// Writes <c>{"query":…,"variables":{…}}</c> into an <see cref="System.Buffers.ArrayPool{T}"/> array, which the
    /// caller hands to <see cref="UpstreamClient.PostGraphQLAsync(byte[], int, RequestContext, CancellationToken)"/>.
    /// <paramref name="query"/> is the document as a JSON string token, escaped as <see cref="UpstreamJson.WriterOptions"/>
    /// escape it (what <see cref="Utf8JsonWriter.WriteString(ReadOnlySpan{byte}, ReadOnlySpan{char})"/> would write).
    /// </summary>
    private static byte[] GraphQLBody(ReadOnlySpan<byte> query, string[] variables, ExecutionState state, out int length)
    {
        var buffer = t_body ??= new PooledBufferWriter();
        var writer = t_bodyWriter;
        if (writer is null)
        {
            t_bodyWriter = writer = new Utf8JsonWriter(buffer, UpstreamJson.WriterOptions);
        }
        else
        {
            writer.Reset(buffer);
        }

        try
        {
            writer.WriteStartObject();
            writer.WritePropertyName("query"u8);
            writer.WriteRawValue(query, skipInputValidation: true);
            if (variables.Length > 0 && state.Variables.ValueKind == JsonValueKind.Object)
            {
                writer.WriteStartObject("variables"u8);
                foreach (var name in variables)
                {
                    if (state.Variables.TryGetProperty(name, out var value))
                    {
                        writer.WritePropertyName(name);
                        value.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.Flush();
            return buffer.Detach(out length);
        }
        catch
        {
            writer.Reset();
            buffer.Reset();
            throw;
        }
    }

    /// <summary>Reads a GraphQL response: its data, and its errors with their paths (for re-pathing).</summary>
    private static FetchOutcome ReadGraphQL(string source, UpstreamResponse response, ExecutionState state, out List<UpstreamPathError>? errors)
    {
        errors = null;
        if (response.Error is not null)
        {
            return FetchOutcome.Failed(response.Error);
        }

        state.Keep(response);
        var root = response.Document!.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return FetchOutcome.Failed(new GraphQLError($"Source '{source}' answered {response.Status} with JSON that is not a GraphQL response.", ErrorCodes.UpstreamError));
        }

        if (root.TryGetProperty("errors"u8, out var errorArray) && errorArray.ValueKind == JsonValueKind.Array)
        {
            errors = [];
            foreach (var error in errorArray.EnumerateArray())
            {
                errors.Add(ReadError(error));
            }
        }

        if (!root.TryGetProperty("data"u8, out var data) || data.ValueKind != JsonValueKind.Object)
        {
            var message = errors is { Count: > 0 } ? errors[0].Message : $"Source '{source}' answered {response.Status} without data.";
            var code = errors is { Count: > 0 } ? errors[0].Code ?? ErrorCodes.UpstreamError : ErrorCodes.UpstreamError;
            return FetchOutcome.Failed(new GraphQLError(message, code));
        }

        return new FetchOutcome(data, null, errors);
    }

    private static UpstreamPathError ReadError(JsonElement error)
    {
        var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message"u8, out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString()!
            : "Upstream error.";
        string? code = null;
        if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("extensions"u8, out var extensions) &&
            extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("code"u8, out var c) && c.ValueKind == JsonValueKind.String)
        {
            code = c.GetString();
        }

        var path = new List<object>();
        if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("path"u8, out var p) && p.ValueKind == JsonValueKind.Array)
        {
            foreach (var segment in p.EnumerateArray())
            {
                if (segment.ValueKind == JsonValueKind.Number && segment.TryGetInt32(out var index))
                {
                    path.Add(index);
                }
                else if (segment.ValueKind == JsonValueKind.String)
                {
                    path.Add(segment.GetString()!);
                }
            }
        }

        return new UpstreamPathError([.. path], message, code);
    }

    private async ValueTask<FetchResult> IntrospectAsync(IntrospectionFetch fetch, ExecutionState state, CancellationToken cancellationToken)
    {
        var inputs = state.Variables.ValueKind == JsonValueKind.Object
            ? s_serializer.Deserialize<Inputs>(state.Variables.GetRawText()) ?? Inputs.Empty
            : Inputs.Empty;
        var result = await _introspectionExecuter.ExecuteAsync(new ExecutionOptions
        {
            Schema = _schema,
            Document = fetch.Document,
            Variables = inputs,
            ValidationRules = [],
            CachedDocumentValidationRules = [],
            CancellationToken = cancellationToken,
        }).ConfigureAwait(false);
        var stream = new MemoryStream();
        await s_serializer.WriteAsync(stream, result, cancellationToken).ConfigureAwait(false);
        var document = JsonDocument.Parse(stream.GetBuffer().AsMemory(0, (int)stream.Length));
        state.Keep(document);
        return new FetchResult { Single = new FetchOutcome(document.RootElement.GetProperty("data"u8), null, null) };
    }
}
