using System.Text.Json;
using GraphBff.Composition;
using GraphBff.Planning;

namespace GraphBff.Execution;

internal sealed partial class PlanExecutor
{
    // A dictionary that grew past this is left to the GC rather than kept for the next request.
    private const int MaxPooledParents = 1024;

    private static readonly ReusePool<Dictionary<string, Parent>> s_parentSets = new(ReusePool<Dictionary<string, Parent>>.DefaultSize);

    private async ValueTask<FetchResult> FetchFieldAsync(FieldFetch fetch, ExecutionState state, CancellationToken cancellationToken)
    {
        // Distinct keys, each with the first parent that has it (templates read their values from it), in the order
        // they were met: a pooled dictionary, so its enumeration is insertion order like a new one's.
        var parents = s_parentSets.TryRent() ?? new Dictionary<string, Parent>(StringComparer.Ordinal);
        try
        {
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
                result.ByKey = ExecutionState.RentOutcomes(0);
                return result;
            }

            var outcomes = fetch.Resolver switch
            {
                HttpResolver http => await FetchRestAsync(fetch, http, parents, state, cancellationToken).ConfigureAwait(false),
                GraphQLDelegateResolver => await FetchDelegatedAsync(fetch, parents, state, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException(fetch.Resolver.GetType().Name),
            };

            if (fetch.Parent is null)
            {
                result.Single = outcomes[""];
                ExecutionState.ReturnOutcomes(outcomes);
            }
            else
            {
                result.ByKey = outcomes;
            }

            return result;
        }
        finally
        {
            if (parents.EnsureCapacity(0) <= MaxPooledParents)
            {
                parents.Clear();
                s_parentSets.Return(parents);
            }
        }
    }

    private static void Gather(FieldFetch fetch, FetchOutcome outcome, Dictionary<string, Parent> parents)
    {
        if (outcome.Failure is null && outcome.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            Walk(fetch, outcome.Value, 0, parents);
        }
    }

    private static void Walk(FieldFetch fetch, JsonElement element, int step, Dictionary<string, Parent> parents)
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
            // Under an interface or union, only parents of the field's own type are fetched for.
            if (fetch.ParentTypenameProperty is { } typename &&
                (!element.TryGetProperty(typename, out var type) || !type.ValueEquals(fetch.ParentType)))
            {
                return;
            }

            if (TemplateValues.TryGetKey(fetch, element, out var key, out var value))
            {
                parents.TryAdd(key, new Parent(element, value));
            }

            return;
        }

        if (element.TryGetProperty(fetch.ParentPath[step], out var next))
        {
            Walk(fetch, next, step + 1, parents);
        }
    }

    /// <summary>
    /// A parent object of a fetch, and the JSON value of its key when the fetch has one <c>$fields:</c> name (every
    /// <c>$fields:</c> hole then reads that value, and the key is its text).
    /// </summary>
    internal readonly record struct Parent(JsonElement Object, JsonElement Key);
}
