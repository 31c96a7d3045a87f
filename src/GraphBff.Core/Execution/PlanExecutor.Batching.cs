using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using GraphBff.Planning;
using GraphBff.Sources;

namespace GraphBff.Execution;

/// <summary>GraphQL delegations: all parents of one fetch in one upstream document, one alias per parent.</summary>
internal sealed partial class PlanExecutor
{
    // Batch aliases _0, _1, … made once: error paths compare with them.
    private static readonly string[] s_aliases = CreateAliases(1024);

    private async ValueTask<Dictionary<string, FetchOutcome>> FetchDelegatedAsync(
        FieldFetch fetch,
        Dictionary<string, Parent> parents,
        ExecutionState state,
        CancellationToken cancellationToken)
    {
        var count = parents.Count;
        var sent = ArrayPool<bool>.Shared.Rent(count);
        try
        {
            var body = BatchBody(fetch, parents, state, sent, out var length);
            var outcomes = ExecutionState.RentOutcomes(count);
            if (body is null)
            {
                foreach (var key in parents.Keys)
                {
                    outcomes[key] = default;
                }

                return outcomes;
            }

            var response = await _clients[fetch.Source].PostGraphQLAsync(body, length, state.Context, cancellationToken).ConfigureAwait(false);
            var outcome = ReadGraphQL(fetch.Source, response, state, out var errors);
            var i = 0;
            if (outcome.Failure is not null)
            {
                foreach (var key in parents.Keys)
                {
                    outcomes[key] = sent[i++] ? outcome : default;
                }

                return outcomes;
            }

            // One pass over the data object, not a property search per alias.
            var values = ArrayPool<JsonElement>.Shared.Rent(count);
            try
            {
                values.AsSpan(0, count).Clear();
                foreach (var property in outcome.Value.EnumerateObject())
                {
                    if (TryAliasIndex(property, count, out var index))
                    {
                        // A repeated name: the last one wins, as TryGetProperty finds it.
                        values[index] = property.Value;
                    }
                }

                foreach (var key in parents.Keys)
                {
                    outcomes[key] = sent[i] ? new FetchOutcome(values[i], null, ErrorsUnder(errors, i)) : default;
                    i++;
                }
            }
            finally
            {
                ArrayPool<JsonElement>.Shared.Return(values, clearArray: true);
            }

            return outcomes;
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(sent);
        }
    }

    /// <summary>The batch request body (see <see cref="BatchDocument"/>), pooled; null when no parent has all its values.</summary>
    private static byte[]? BatchBody(FieldFetch fetch, Dictionary<string, Parent> parents, ExecutionState state, bool[] sent, out int length)
    {
        length = 0;
        var query = t_query ??= new PooledBufferWriter();
        try
        {
            return BatchDocument.For(fetch).Write(query, parents, state, sent) == 0
                ? null
                : GraphQLBody(query.WrittenSpan, fetch.Variables, state, out length);
        }
        finally
        {
            query.Reset();
        }
    }

    /// <summary>The index of a batch alias <c>_N</c> (N below <paramref name="count"/>, written without leading zeros).</summary>
    private static bool TryAliasIndex(JsonProperty property, int count, out int index)
    {
        var name = JsonMarshal.GetRawUtf8PropertyName(property);

        // An escaped name is compared by its value, as TryGetProperty would.
        return name.Contains((byte)'\\')
            ? TryAliasIndex(property.Name.AsSpan(), count, out index)
            : TryAliasIndex(name, count, out index);
    }

    private static bool TryAliasIndex<T>(ReadOnlySpan<T> name, int count, out int index)
        where T : unmanaged, IBinaryInteger<T>
    {
        index = 0;
        if (name.Length < 2 || name.Length > 11 || int.CreateTruncating(name[0]) != '_' || (int.CreateTruncating(name[1]) == '0' && name.Length > 2))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            var digit = int.CreateTruncating(name[i]) - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            index = (index * 10) + digit;
            if (index >= count)
            {
                return false;
            }
        }

        return true;
    }

    private static string Alias(int index) => index < s_aliases.Length ? s_aliases[index] : "_" + TemplateValues.Invariant(index);

    private static string[] CreateAliases(int count)
    {
        var aliases = new string[count];
        for (var i = 0; i < count; i++)
        {
            aliases[i] = "_" + TemplateValues.Invariant(i);
        }

        return aliases;
    }

    /// <summary>The errors whose path starts at one batch alias, with that alias taken off.</summary>
    private static List<UpstreamPathError>? ErrorsUnder(List<UpstreamPathError>? errors, int index)
    {
        List<UpstreamPathError>? under = null;
        if (errors is null)
        {
            return null;
        }

        var alias = Alias(index);
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
