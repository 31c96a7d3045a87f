using System.Collections.Concurrent;
using System.Text.Json;
using GraphBff.Planning;
using GraphQLParser.AST;

namespace GraphBff.Execution;

/// <summary>One validated operation and its plans, one per outcome of its @skip/@include variables.</summary>
internal sealed class CachedOperation(
    GraphQLOperationDefinition operation,
    List<GraphQLError> errors,
    string[] conditionVariables,
    Authorization.AuthorizeRule[] authorizationPoints)
{
    private readonly ConcurrentDictionary<(ulong Conditions, ulong Authorization), OperationPlan> _plans = new();

    public GraphQLOperationDefinition Operation { get; } = operation;

    public List<GraphQLError> Errors { get; } = errors;

    public string[] ConditionVariables { get; } = conditionVariables;

    /// <summary>The BEFORE_RESOLVER and VALIDATION rules the operation can reach (at most 63 are told apart).</summary>
    public Authorization.AuthorizeRule[] AuthorizationPoints { get; } = authorizationPoints;

    public ulong ConditionKey(JsonElement variables)
    {
        ulong key = 0;
        for (var i = 0; i < ConditionVariables.Length && i < 64; i++)
        {
            if (variables.ValueKind == JsonValueKind.Object &&
                variables.TryGetProperty(ConditionVariables[i], out var value) &&
                value.ValueKind == JsonValueKind.True)
            {
                key |= 1UL << i;
            }
            else if (variables.ValueKind != JsonValueKind.Object || !variables.TryGetProperty(ConditionVariables[i], out _))
            {
                // Absent: the default decides; mark it apart from an explicit false.
                key |= 1UL << Math.Min(63, i + 32);
            }
        }

        return key;
    }

    public OperationPlan GetPlan(ulong conditions, ulong authorization, Func<OperationPlan> create) =>
        _plans.TryGetValue((conditions, authorization), out var plan) ? plan : _plans.GetOrAdd((conditions, authorization), _ => create());
}
