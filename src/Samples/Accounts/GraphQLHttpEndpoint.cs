using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace GraphBff.Samples.Accounts;

/// <summary>
/// GraphQL over HTTP at /graphql: POST with a JSON body <c>{query, operationName, variables}</c>, GET with
/// query-string parameters, and WebSocket upgrades speaking graphql-transport-ws.
/// Every GraphQL answer is <c>application/json</c> with status 200; malformed requests get 400 with a GraphQL error body.
/// </summary>
internal sealed class GraphQLHttpEndpoint(AccountsExecutor executor, AccountsJsonSerializer serializer, IHostApplicationLifetime lifetime)
{
    private const string JsonContentType = "application/json";

    public async Task HandleAsync(HttpContext context)
    {
        var userId = ReadUserId(context.Request.Headers);
        if (context.WebSockets.IsWebSocketRequest)
        {
            await GraphQLWebSocketConnection.AcceptAsync(context, executor, serializer, userId, lifetime.ApplicationStopping).ConfigureAwait(false);
            return;
        }

        GraphQLRequest? request;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            try
            {
                request = await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or NotSupportedException)
            {
                await WriteRequestErrorAsync(context, "The request body is not a valid GraphQL JSON request: " + exception.Message).ConfigureAwait(false);
                return;
            }
        }
        else if (HttpMethods.IsGet(context.Request.Method))
        {
            var query = context.Request.Query;
            request = new GraphQLRequest
            {
                Query = query["query"].ToString() is { Length: > 0 } text ? text : null,
                OperationName = query["operationName"].ToString() is { Length: > 0 } name ? name : null,
            };

            if (query["variables"].ToString() is { Length: > 0 } variables)
            {
                try
                {
                    request.Variables = serializer.Deserialize<Inputs>(variables);
                }
                catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or NotSupportedException)
                {
                    await WriteRequestErrorAsync(context, "The 'variables' parameter is not valid JSON: " + exception.Message).ConfigureAwait(false);
                    return;
                }
            }
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, POST";
            return;
        }

        if (request is null)
        {
            await WriteRequestErrorAsync(context, "The request body must be a JSON object.").ConfigureAwait(false);
            return;
        }

        var result = await executor.ExecuteAsync(request, userId, context.RequestAborted).ConfigureAwait(false);
        if (result.Streams is not null)
        {
            result = new ExecutionResult(new ExecutionError(
                "Subscriptions are only served over WebSocket (graphql-transport-ws) at this path."));
        }

        await WriteAsync(context, StatusCodes.Status200OK, serializer.SerializeToUtf8Bytes(result)).ConfigureAwait(false);
    }

    private static string? ReadUserId(IHeaderDictionary headers) =>
        headers.TryGetValue(AccountsUserContext.UserIdHeader, out var values) && values.Count > 0 && !string.IsNullOrEmpty(values[0])
            ? values[0]
            : null;

    private Task WriteRequestErrorAsync(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, serializer.SerializeToUtf8Bytes(new ExecutionResult(new ExecutionError(message))));

    private static async Task WriteAsync(HttpContext context, int statusCode, byte[] json)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = json.Length;
        response.BodyWriter.Write(json);
        await response.BodyWriter.FlushAsync().ConfigureAwait(false);
    }
}
