using System.Text;
using System.Text.Json;
using GraphBff.Composition;
using GraphBff.Planning;

namespace GraphBff.Execution;

internal sealed partial class PlanExecutor
{
    private async Task<FetchResult> FetchFieldAsync(FieldFetch fetch, ExecutionState state, CancellationToken cancellationToken)
    {
        // Distinct keys, each with the first parent that has it (templates read their values from it).
        var parents = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (fetch.Parent is null)
        {
            parents[""] = default;
        }
        else
        {
            var parentResult = state.Results[fetch.Parent.Id];
            if (parentResult is not null)
            {
                if (parentResult.ByKey is { } byKey)
                {
                    foreach (var outcome in byKey.Values)
                    {
                        Gather(fetch, outcome, parents);
                    }
                }
                else
                {
                    Gather(fetch, parentResult.Single, parents);
                }
            }
        }

        var result = new FetchResult();
        if (parents.Count == 0)
        {
            result.ByKey = [];
            return result;
        }

        var outcomes = fetch.Resolver switch
        {
            HttpResolver http => await FetchRestAsync(fetch, http, parents, state, cancellationToken).ConfigureAwait(false),
            GraphQLDelegateResolver graphQL => await FetchDelegatedAsync(fetch, graphQL, parents, state, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException(fetch.Resolver.GetType().Name),
        };

        if (fetch.Parent is null)
        {
            result.Single = outcomes[""];
        }
        else
        {
            result.ByKey = outcomes;
        }

        return result;
    }

    private static void Gather(FieldFetch fetch, FetchOutcome outcome, Dictionary<string, JsonElement> parents)
    {
        if (outcome.Failure is null && outcome.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            Walk(fetch, outcome.Value, 0, parents);
        }
    }

    private static void Walk(FieldFetch fetch, JsonElement element, int step, Dictionary<string, JsonElement> parents)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(fetch, item, step, parents);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (step == fetch.ParentPath.Length)
        {
            if (TemplateValues.TryGetKey(fetch, element, true, out var key))
            {
                parents.TryAdd(key, element);
            }

            return;
        }

        if (element.TryGetProperty(fetch.ParentPath[step], out var next))
        {
            Walk(fetch, next, step + 1, parents);
        }
    }

    private async Task<Dictionary<string, FetchOutcome>> FetchRestAsync(
        FieldFetch fetch,
        HttpResolver http,
        Dictionary<string, JsonElement> parents,
        ExecutionState state,
        CancellationToken cancellationToken)
    {
        var client = _clients[fetch.Source];
        var outcomes = new Dictionary<string, FetchOutcome>(parents.Count, StringComparer.Ordinal);
        if (parents.Count == 1)
        {
            foreach (var (key, parent) in parents)
            {
                outcomes[key] = await CallRestAsync(client, fetch, http, parent, state, cancellationToken).ConfigureAwait(false);
            }

            return outcomes;
        }

        var keys = new string[parents.Count];
        var tasks = new Task<FetchOutcome>[parents.Count];
        var i = 0;
        foreach (var (key, parent) in parents)
        {
            keys[i] = key;
            tasks[i++] = CallRestBoundedAsync(client, fetch, http, parent, state, cancellationToken);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        for (i = 0; i < keys.Length; i++)
        {
            outcomes[keys[i]] = tasks[i].Result;
        }

        return outcomes;
    }

    private static async Task<FetchOutcome> CallRestBoundedAsync(
        Sources.UpstreamClient client, FieldFetch fetch, HttpResolver http, JsonElement parent, ExecutionState state, CancellationToken cancellationToken)
    {
        await client.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await CallRestAsync(client, fetch, http, parent, state, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            client.Gate.Release();
        }
    }

    private static async Task<FetchOutcome> CallRestAsync(
        Sources.UpstreamClient client, FieldFetch fetch, HttpResolver http, JsonElement parent, ExecutionState state, CancellationToken cancellationToken)
    {
        var url = new StringBuilder();
        foreach (var part in http.Path.Parts)
        {
            if (part.IsLiteral)
            {
                url.Append(part.Literal);
                continue;
            }

            var value = TemplateValues.Text(part, fetch, parent, state);
            if (value is null)
            {
                // A path hole with no value: nothing to fetch, the field is null.
                return new FetchOutcome(default, null, null);
            }

            url.Append(Uri.EscapeDataString(value));
        }

        var separator = '?';
        foreach (var (name, template) in http.Query)
        {
            var value = new StringBuilder();
            var missing = false;
            foreach (var part in template.Parts)
            {
                var text = part.IsLiteral ? part.Literal : TemplateValues.Text(part, fetch, parent, state);
                if (text is null)
                {
                    missing = true;
                    break;
                }

                value.Append(text);
            }

            if (!missing)
            {
                url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value.ToString()));
                separator = '&';
            }
        }

        string? body = null;
        if (http.Body is not null)
        {
            var sb = new StringBuilder();
            foreach (var part in http.Body.Parts)
            {
                sb.Append(part.IsLiteral ? part.Literal : TemplateValues.Literal(part, fetch, parent, state) ?? "null");
            }

            body = sb.ToString();
        }

        var response = await client.SendRestAsync(http.Method, url.ToString(), body, state.Context, cancellationToken).ConfigureAwait(false);
        if (response.Error is not null)
        {
            return FetchOutcome.Failed(response.Error);
        }

        state.Keep(response.Document!);
        if (response.Status == 404)
        {
            return new FetchOutcome(default, null, null);
        }

        if (response.Status is < 200 or >= 300)
        {
            return FetchOutcome.Failed(new GraphQLError($"Source '{fetch.Source}' answered {response.Status}.", ErrorCodes.UpstreamError));
        }

        return new FetchOutcome(response.Document!.RootElement, null, null);
    }

    private async Task<Dictionary<string, FetchOutcome>> FetchDelegatedAsync(
        FieldFetch fetch,
        GraphQLDelegateResolver resolver,
        Dictionary<string, JsonElement> parents,
        ExecutionState state,
        CancellationToken cancellationToken)
    {
        var document = new StringBuilder(fetch.DocumentPrefix).Append(" {");
        var keys = new string[parents.Count];
        var sent = new bool[parents.Count];
        var i = 0;
        var batched = 0;
        var literals = new string?[resolver.Arguments.Count];
        foreach (var (key, parent) in parents)
        {
            keys[i] = key;
            var missing = false;
            for (var a = 0; a < literals.Length; a++)
            {
                literals[a] = TemplateValues.Literal(resolver.Arguments[a].Value.Parts[0], fetch, parent, state);
                missing |= literals[a] is null;
            }

            if (missing)
            {
                // A hole with no value (no such claim, header or key): nothing to ask for, the field is null.
                i++;
                continue;
            }

            sent[i] = true;
            batched++;
            document.Append(" _").Append(i++).Append(": ").Append(resolver.UpstreamField);
            if (literals.Length > 0)
            {
                document.Append('(');
                for (var a = 0; a < literals.Length; a++)
                {
                    if (a > 0)
                    {
                        document.Append(", ");
                    }

                    document.Append(resolver.Arguments[a].Key).Append(": ").Append(literals[a]);
                }

                document.Append(')');
            }

            document.Append(fetch.Selection);
        }

        if (batched == 0)
        {
            var nothing = new Dictionary<string, FetchOutcome>(keys.Length, StringComparer.Ordinal);
            foreach (var key in keys)
            {
                nothing[key] = default;
            }

            return nothing;
        }

        document.Append(" }");
        var body = GraphQLBody(document.ToString(), fetch.Variables, state);
        var response = await _clients[fetch.Source].PostGraphQLAsync(body, state.Context, cancellationToken).ConfigureAwait(false);
        var outcome = ReadGraphQL(fetch.Source, response, state, out var errors);
        var outcomes = new Dictionary<string, FetchOutcome>(keys.Length, StringComparer.Ordinal);
        for (i = 0; i < keys.Length; i++)
        {
            if (!sent[i])
            {
                outcomes[keys[i]] = default;
                continue;
            }

            if (outcome.Failure is not null)
            {
                outcomes[keys[i]] = outcome;
                continue;
            }

            var alias = "_" + TemplateValues.Invariant(i);
            outcome.Value.TryGetProperty(alias, out var value);
            outcomes[keys[i]] = new FetchOutcome(value, null, ErrorsUnder(errors, alias));
        }

        return outcomes;
    }

    /// <summary>The errors whose path starts at one batch alias, with that alias taken off.</summary>
    private static List<UpstreamPathError>? ErrorsUnder(List<UpstreamPathError>? errors, string alias)
    {
        List<UpstreamPathError>? under = null;
        if (errors is null)
        {
            return null;
        }

        foreach (var error in errors)
        {
            if (error.Path.Length > 0 && error.Path[0] is string first && first == alias)
            {
                (under ??= []).Add(new UpstreamPathError(error.Path[1..], error.Message, error.Code));
            }
        }

        return under;
    }
}
