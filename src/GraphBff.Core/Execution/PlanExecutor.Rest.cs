using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using GraphBff.Composition;
using GraphBff.Planning;
using GraphBff.Sources;

namespace GraphBff.Execution;

/// <summary>REST fields: one call per distinct parent key, concurrently within the source's bound.</summary>
internal sealed partial class PlanExecutor
{
    private async ValueTask<Dictionary<string, FetchOutcome>> FetchRestAsync(
        FieldFetch fetch,
        HttpResolver http,
        Dictionary<string, Parent> parents,
        ExecutionState state,
        CancellationToken cancellationToken)
    {
        var client = _clients[fetch.Source];
        var method = Method(http.Method);
        var count = parents.Count;
        var outcomes = ExecutionState.RentOutcomes(count);
        if (count == 1)
        {
            foreach (var (key, parent) in parents)
            {
                var answer = await CallRestAsync(client, method, fetch, http, key, parent.Object, bounded: false, state, cancellationToken).ConfigureAwait(false);
                var response = answer.Response;
                if (answer.Fetched)
                {
                    response = client.Parse(response);
                    if (response.Document is not null)
                    {
                        state.Keep(response);
                    }
                }

                outcomes[key] = Finish(fetch, answer.Fetched, response, response.Document?.RootElement ?? default);
            }

            return outcomes;
        }

        var calls = ArrayPool<ValueTask<RestAnswer>>.Shared.Rent(count);
        var answers = ArrayPool<RestAnswer>.Shared.Rent(count);
        var values = ArrayPool<JsonElement>.Shared.Rent(count);
        var started = 0;
        try
        {
            // All calls start before the first is awaited; they are then awaited in order. Every one is awaited even
            // when one throws (as Task.WhenAll waits for all), and the first failure is rethrown.
            foreach (var (key, parent) in parents)
            {
                calls[started++] = CallRestAsync(client, method, fetch, http, key, parent.Object, bounded: true, state, cancellationToken);
            }

            ExceptionDispatchInfo? failure = null;
            for (var i = 0; i < count; i++)
            {
                try
                {
                    answers[i] = await calls[i].ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    answers[i] = default;
                    failure ??= ExceptionDispatchInfo.Capture(ex);
                }
            }

            if (failure is not null)
            {
                for (var i = 0; i < count; i++)
                {
                    if (answers[i].Response.Buffer is { } buffer)
                    {
                        UpstreamClient.ReturnBuffer(buffer, answers[i].Response.BufferLength);
                    }
                }

                failure.Throw();
            }

            values.AsSpan(0, count).Clear();
            if (!TryParseTogether(answers.AsSpan(0, count), values, state))
            {
                for (var i = 0; i < count; i++)
                {
                    if (answers[i].Response.Buffer is not null)
                    {
                        var response = client.Parse(answers[i].Response);
                        if (response.Document is not null)
                        {
                            state.Keep(response);
                            values[i] = response.Document.RootElement;
                        }

                        answers[i] = answers[i] with { Response = response };
                    }
                }
            }

            var k = 0;
            foreach (var key in parents.Keys)
            {
                outcomes[key] = Finish(fetch, answers[k].Fetched, answers[k].Response, values[k]);
                k++;
            }

            return outcomes;
        }
        finally
        {
            calls.AsSpan(0, started).Clear();
            ArrayPool<ValueTask<RestAnswer>>.Shared.Return(calls);
            ArrayPool<RestAnswer>.Shared.Return(answers, clearArray: true);
            ArrayPool<JsonElement>.Shared.Return(values, clearArray: true);
        }
    }

    /// <summary>A call's outcome once its document is kept: null for a 404, a failure for another non-2xx answer.</summary>
    private static FetchOutcome Finish(FieldFetch fetch, bool fetched, UpstreamResponse response, JsonElement value)
    {
        if (!fetched)
        {
            // A path hole with no value: nothing was fetched, the field is null.
            return new FetchOutcome(default, null, null);
        }

        if (response.Error is not null)
        {
            return FetchOutcome.Failed(response.Error);
        }

        if (response.Status == 404)
        {
            return new FetchOutcome(default, null, null);
        }

        if (response.Status is < 200 or >= 300)
        {
            return FetchOutcome.Failed(new GraphQLError($"Source '{fetch.Source}' answered {response.Status}.", ErrorCodes.UpstreamError));
        }

        return new FetchOutcome(value, null, null);
    }

    /// <summary>
    /// Parses the answers' JSON texts as the elements of one array, <c>[text0,text1,…]</c>: one document, one metadata
    /// array and one pooled buffer for the batch instead of one each per call. The answers' own bytes go back to the
    /// pool. False, with nothing changed, unless each element is provably what parsing its text alone gives: the
    /// parse succeeds, there is one element per text, and each lies within its own text, so every comma between
    /// elements is one put there and the rest of each text is whitespace. A malformed text, or one nested as deep as
    /// the limit allows (the array adds a level), makes the caller parse each text alone, as the calls would have.
    /// </summary>
    private static bool TryParseTogether(Span<RestAnswer> answers, JsonElement[] values, ExecutionState state)
    {
        long total = 2;
        var texts = 0;
        foreach (var answer in answers)
        {
            if (answer.Response.Buffer is not null)
            {
                total += answer.Response.BufferLength + 1;
                texts++;
            }
        }

        if (texts < 2 || total > int.MaxValue / 2)
        {
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)total);
        var length = 0;
        buffer[length++] = (byte)'[';
        foreach (var answer in answers)
        {
            if (answer.Response.Buffer is { } text)
            {
                if (length > 1)
                {
                    buffer[length++] = (byte)',';
                }

                text.AsSpan(0, answer.Response.BufferLength).CopyTo(buffer.AsSpan(length));
                length += answer.Response.BufferLength;
            }
        }

        buffer[length++] = (byte)']';
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(buffer.AsMemory(0, length));
            var root = document.RootElement;
            if (root.GetArrayLength() != texts)
            {
                return Discard(ref document, buffer, length);
            }

            var json = buffer.AsSpan(0, length);
            var start = 1;
            var i = 0;
            foreach (var element in root.EnumerateArray())
            {
                while (answers[i].Response.Buffer is null)
                {
                    i++;
                }

                var end = start + answers[i].Response.BufferLength;
                if (!json.Overlaps(JsonMarshal.GetRawUtf8Value(element), out var offset) ||
                    offset < start || offset + JsonMarshal.GetRawUtf8Value(element).Length > end)
                {
                    return Discard(ref document, buffer, length);
                }

                values[i++] = element;
                start = end + 1;
            }
        }
        catch (JsonException)
        {
            return Discard(ref document, buffer, length);
        }

        state.Keep(document!, buffer, length);
        for (var i = 0; i < answers.Length; i++)
        {
            if (answers[i].Response.Buffer is { } text)
            {
                UpstreamClient.ReturnBuffer(text, answers[i].Response.BufferLength);
                answers[i] = answers[i] with { Response = answers[i].Response with { Buffer = null, BufferLength = 0 } };
            }
        }

        return true;
    }

    private static bool Discard(ref JsonDocument? document, byte[] buffer, int length)
    {
        document?.Dispose();
        document = null;
        UpstreamClient.ReturnBuffer(buffer, length);
        return false;
    }

    /// <summary>The shared instance of a standard method (no HttpMethod per call), spelled exactly as the template does.</summary>
    private static HttpMethod Method(string method)
    {
        var parsed = HttpMethod.Parse(method);
        return string.Equals(parsed.Method, method, StringComparison.Ordinal) ? parsed : new HttpMethod(method);
    }

    /// <summary>
    /// Sends one parent's call, within the source's bound when <paramref name="bounded"/>; its answer is not parsed yet.
    /// Not fetched when a path hole has no value.
    /// </summary>
    private static async ValueTask<RestAnswer> CallRestAsync(
        UpstreamClient client,
        HttpMethod method,
        FieldFetch fetch,
        HttpResolver http,
        string key,
        JsonElement parent,
        bool bounded,
        ExecutionState state,
        CancellationToken cancellationToken)
    {
        if (bounded)
        {
            await client.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            if (!TryRestUrl(client, fetch, http, key, parent, state, out var url))
            {
                return default;
            }

            var body = http.Body is null ? null : RestBody(http.Body, fetch, parent, state);
            return new RestAnswer(true, await client.SendRestAsync(method, url, body, state.Context, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            if (bounded)
            {
                client.Gate.Release();
            }
        }
    }

    /// <summary>
    /// The call's address: the path template with its holes escaped, then each query entry whose holes all have a value
    /// (<c>?name=value&amp;…</c>, both escaped). False when a path hole has no value.
    /// </summary>
    private static bool TryRestUrl(UpstreamClient client, FieldFetch fetch, HttpResolver http, string key, JsonElement parent, ExecutionState state, out Uri url)
    {
        url = null!;
        var text = new PooledTextBuilder(256);
        var value = new PooledTextBuilder(0);
        try
        {
            var parts = http.Path.Parts;
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                if (part.IsLiteral)
                {
                    text.Append(part.Literal);
                    continue;
                }

                if (HoleText(part, fetch, key, parent, state) is not { } hole)
                {
                    return false;
                }

                text.AppendEscapedDataString(hole);
            }

            var separator = '?';
            var query = http.Query;
            for (var i = 0; i < query.Count; i++)
            {
                var (name, template) = query[i];
                if (!TryConcat(ref value, template, fetch, key, parent, state))
                {
                    continue;
                }

                text.Append(separator);
                text.AppendEscapedDataString(name);
                text.Append('=');
                text.AppendEscapedDataString(value.Written);
                separator = '&';
            }

            url = client.CreateUri(text.Written);
            return true;
        }
        finally
        {
            value.Dispose();
            text.Dispose();
        }
    }

    /// <summary>A query entry's value: its parts one after the other; false when a hole has no value.</summary>
    private static bool TryConcat(ref PooledTextBuilder value, Template template, FieldFetch fetch, string key, JsonElement parent, ExecutionState state)
    {
        value.Clear();
        var parts = template.Parts;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var text = part.IsLiteral ? part.Literal : HoleText(part, fetch, key, parent, state);
            if (text is null)
            {
                return false;
            }

            value.Append(text);
        }

        return true;
    }

    /// <summary>A hole's text; with one <c>$fields:</c> name, a <c>$fields:</c> hole's text is the parent's key.</summary>
    private static string? HoleText(TemplatePart part, FieldFetch fetch, string key, JsonElement parent, ExecutionState state) =>
        part.Kind == TemplateVariableKind.Fields && fetch.KeyProperties.Count == 1 ? key : TemplateValues.Text(part, fetch, parent, state);

    private static string RestBody(Template body, FieldFetch fetch, JsonElement parent, ExecutionState state)
    {
        var text = new PooledTextBuilder(256);
        try
        {
            var parts = body.Parts;
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                text.Append(part.IsLiteral ? part.Literal : TemplateValues.Literal(part, fetch, parent, state) ?? "null");
            }

            return text.ToString();
        }
        finally
        {
            text.Dispose();
        }
    }

    /// <summary>A call's answer, unparsed; <see cref="Fetched"/> false when a path hole had no value and nothing was sent.</summary>
    private readonly record struct RestAnswer(bool Fetched, UpstreamResponse Response);
}
