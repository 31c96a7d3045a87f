using System.Buffers;
using System.Text.Json;
using GraphBff.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GraphBff.AspNetCore.Transport.Http;

/// <summary>GraphQL over HTTP: GET and POST, media-type negotiation, body limit, and errors as GraphQL JSON.</summary>
internal sealed class GraphQLHttpHandler(
    GraphBffGatewayHolder holder,
    IOptions<GraphBffOptions> options,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes)
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";

    public async Task HandleAsync(HttpContext http)
    {
        var output = new ArrayBufferWriter<byte>(4096);
        var request = http.Request;
        var mediaType = Negotiate(request);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, 406, Json, $"Accept must allow {GraphQLResponse} or {Json}.", ErrorCodes.BadRequest).ConfigureAwait(false);
            return;
        }

        GatewayRequest? gatewayRequest;
        JsonDocument? body = null;
        try
        {
            if (HttpMethods.IsGet(request.Method))
            {
                gatewayRequest = ReadGet(request, out body, out var error);
                if (error is not null)
                {
                    await WriteErrorAsync(http, 400, mediaType, error, ErrorCodes.BadRequest).ConfigureAwait(false);
                    return;
                }
            }
            else if (HttpMethods.IsPost(request.Method))
            {
                if (!IsJson(request.ContentType))
                {
                    await WriteErrorAsync(http, 415, mediaType, "Content-Type must be application/json.", ErrorCodes.BadRequest).ConfigureAwait(false);
                    return;
                }

                var limit = options.Value.MaxRequestBodySize;
                if (request.ContentLength > limit)
                {
                    await WriteErrorAsync(http, 413, mediaType, $"The request body is larger than {limit} bytes.", ErrorCodes.RequestTooLarge).ConfigureAwait(false);
                    return;
                }

                var (document, status, error) = await ReadBodyAsync(request, limit, http.RequestAborted).ConfigureAwait(false);
                if (error is not null)
                {
                    await WriteErrorAsync(http, status, mediaType, error, status == 413 ? ErrorCodes.RequestTooLarge : ErrorCodes.BadRequest).ConfigureAwait(false);
                    return;
                }

                body = document;
                gatewayRequest = ReadPost(document!.RootElement, out error);
                if (error is not null)
                {
                    await WriteErrorAsync(http, 400, mediaType, error, ErrorCodes.BadRequest).ConfigureAwait(false);
                    return;
                }
            }
            else
            {
                http.Response.Headers.Allow = "GET, POST";
                await WriteErrorAsync(http, 405, mediaType, "Use GET or POST.", ErrorCodes.BadRequest).ConfigureAwait(false);
                return;
            }

            var (user, authenticationError) = await AuthenticateAsync(http).ConfigureAwait(false);
            if (authenticationError is not null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await WriteErrorAsync(http, 401, mediaType, authenticationError, ErrorCodes.NotAuthenticated).ConfigureAwait(false);
                return;
            }

            var context = new RequestContext
            {
                User = user,
                GetHeader = name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null,
                UpstreamHeaders = Transport.UpstreamIdentity.For(options.Value, user, request),
            };
            var result = await holder.Gateway.ExecuteAsync(gatewayRequest!, context, output, http.RequestAborted).ConfigureAwait(false);
            http.Response.StatusCode = result.StatusCode;
            http.Response.ContentType = mediaType;
            http.Response.ContentLength = output.WrittenCount;
            await http.Response.Body.WriteAsync(output.WrittenMemory, http.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            body?.Dispose();
        }
    }

    /// <summary>
    /// A request without a token is anonymous; a request with one is authenticated or refused with 401 (expired, forged,
    /// wrong issuer or audience, unsigned): never answered with data.
    /// </summary>
    private async Task<(System.Security.Claims.ClaimsPrincipal? User, string? Error)> AuthenticateAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return (null, null);
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "Only Bearer tokens are accepted.");
        }

        if (await schemes.GetDefaultAuthenticateSchemeAsync().ConfigureAwait(false) is null)
        {
            return (null, "This gateway has no token provider configured (GraphBff:Authentication:Providers).");
        }

        var result = await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.AuthenticateAsync(http).ConfigureAwait(false);
        if (result.Succeeded)
        {
            http.User = result.Principal;
            return (result.Principal, null);
        }

        return (null, "The bearer token is not valid" + Reason(result.Failure) + ".");
    }

    private static string Reason(Exception? failure) => failure switch
    {
        Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException => ": it has expired",
        Microsoft.IdentityModel.Tokens.SecurityTokenNotYetValidException => ": it is not valid yet",
        Microsoft.IdentityModel.Tokens.SecurityTokenInvalidIssuerException => ": its issuer is not accepted",
        Microsoft.IdentityModel.Tokens.SecurityTokenInvalidAudienceException => ": its audience is not accepted",
        Microsoft.IdentityModel.Tokens.SecurityTokenSignatureKeyNotFoundException => ": its signing key is unknown",
        Microsoft.IdentityModel.Tokens.SecurityTokenInvalidSignatureException => ": its signature does not verify",
        Microsoft.IdentityModel.Tokens.SecurityTokenInvalidAlgorithmException => ": its algorithm is not accepted",
        _ => "",
    };

    private static string? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0)
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var values) || values.Count == 0)
        {
            return Json;
        }

        string? chosen = null;
        double best = 0;
        foreach (var value in values.OrderByDescending(static v => v.Quality ?? 1))
        {
            var quality = value.Quality ?? 1;
            if (quality <= 0)
            {
                continue;
            }

            var type = value.MediaType.Value;
            var candidate = type switch
            {
                GraphQLResponse => GraphQLResponse,
                Json => Json,
                "application/*" or "*/*" => Json,
                _ => null,
            };
            if (candidate is not null && quality > best)
            {
                chosen = candidate;
                best = quality;
            }
        }

        return chosen;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) &&
        (parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) ||
         parsed.MediaType.Equals("application/graphql+json", StringComparison.OrdinalIgnoreCase));

    private static async Task<(JsonDocument? Document, int Status, string? Error)> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    return (null, 413, $"The request body is larger than {limit} bytes.");
                }
            }

            if (length == 0)
            {
                return (null, 400, "The request body is empty; send {\"query\": \"…\"}.");
            }

            try
            {
                var document = JsonDocument.Parse(buffer.AsMemory(0, length).ToArray(), new JsonDocumentOptions { MaxDepth = 128 });
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    document.Dispose();
                    return (null, 400, "The request body must be a JSON object such as {\"query\": \"…\"}.");
                }

                return (document, 200, null);
            }
            catch (JsonException ex)
            {
                return (null, 400, $"The request body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static GatewayRequest? ReadPost(JsonElement body, out string? error)
    {
        error = null;
        string? query = null;
        string? operationName = null;
        JsonElement variables = default;
        if (body.TryGetProperty("query"u8, out var q))
        {
            if (q.ValueKind != JsonValueKind.String)
            {
                error = "'query' must be a string.";
                return null;
            }

            query = q.GetString();
        }

        if (body.TryGetProperty("operationName"u8, out var name) && name.ValueKind != JsonValueKind.Null)
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                error = "'operationName' must be a string.";
                return null;
            }

            operationName = name.GetString();
        }

        if (body.TryGetProperty("variables"u8, out var v) && v.ValueKind != JsonValueKind.Null)
        {
            if (v.ValueKind != JsonValueKind.Object)
            {
                error = "'variables' must be an object.";
                return null;
            }

            variables = v;
        }

        return new GatewayRequest { Query = query, OperationName = operationName, Variables = variables };
    }

    private static GatewayRequest? ReadGet(HttpRequest request, out JsonDocument? variablesDocument, out string? error)
    {
        error = null;
        variablesDocument = null;
        var query = request.Query["query"].ToString();
        var operationName = request.Query["operationName"].ToString();
        JsonElement variables = default;
        var variablesText = request.Query["variables"].ToString();
        if (!string.IsNullOrEmpty(variablesText))
        {
            try
            {
                variablesDocument = JsonDocument.Parse(variablesText);
                if (variablesDocument.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    error = "'variables' must be a JSON object.";
                    return null;
                }

                variables = variablesDocument.RootElement;
            }
            catch (JsonException)
            {
                error = "'variables' is not valid JSON.";
                return null;
            }
        }

        return new GatewayRequest
        {
            Query = query.Length == 0 ? null : query,
            OperationName = operationName.Length == 0 ? null : operationName,
            Variables = variables,
            AllowMutations = false,
        };
    }

    private static async Task WriteErrorAsync(HttpContext http, int status, string mediaType, string message, string code)
    {
        var output = new ArrayBufferWriter<byte>(256);
        GraphBffGateway.WriteRequestError(output, message, code);
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType;
        await http.Response.Body.WriteAsync(output.WrittenMemory, http.RequestAborted).ConfigureAwait(false);
    }
}
