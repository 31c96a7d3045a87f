using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace GraphBff.AspNetCore.Tests.Infrastructure;

/// <summary>A client request, every upstream call it caused, and the response: the document a gateway test snapshots.</summary>
public sealed class GatewayExchange
{
    public required object Request { get; init; }

    public required List<object> Upstream { get; init; }

    public required int Status { get; init; }

    public required JToken? Response { get; init; }

    public required List<UpstreamCall> Calls { get; init; }

    public static async Task<GatewayExchange> PostAsync(GatewayFixture fixture, string query, object? variables = null, string? accept = null, string? token = null, string? operationName = null)
    {
        var json = operationName is null
            ? Newtonsoft.Json.JsonConvert.SerializeObject(new { query, variables })
            : Newtonsoft.Json.JsonConvert.SerializeObject(new { query, variables, operationName });
        return await SendAsync(fixture, json, "application/json", accept, token: token);
    }

    public static async Task<GatewayExchange> SendAsync(GatewayFixture fixture, string body, string contentType, string? accept = null, HttpMethod? method = null, string? token = null)
    {
        fixture.Recorder.Clear();
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, fixture.GatewayUri)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        using var response = await fixture.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var calls = fixture.Recorder.Sorted();
        return new GatewayExchange
        {
            Request = token is null
                ? new { body = Parse(body) ?? body, contentType }
                : (object)new { body = Parse(body) ?? body, contentType, authorization = "Bearer <token>" },
            Upstream = [.. calls.Select(static c => (object)new { c.Source, c.Method, c.Url, Body = Parse(c.Body) })],
            Status = (int)response.StatusCode,
            Response = Parse(text) ?? throw new InvalidOperationException("Response is not JSON: " + text),
            Calls = calls,
        };
    }

    public JToken Data => Response!["data"]!;

    public JArray? Errors => Response!["errors"] as JArray;

    public object Snapshot => new { Request, Upstream, Status, Response };

    private static JToken? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JToken.Parse(text);
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }
}
