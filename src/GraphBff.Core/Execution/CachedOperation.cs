using System.Collections.Concurrent;
using System.Text.Json;
using GraphBff.Planning;
using GraphQLParser.AST;

namespace GraphBff.Execution;

/// <summary>One validated operation and its plans, one per outcome of its @skip/@include variables.</summary>
internal sealed class CachedOperation(GraphQLOperationDefinition operation, List<GraphQLError> errors, string[] conditionVariables)
{
    private readonly ConcurrentDictionary<ulong, OperationPlan> _plans = new();

    public GraphQLOperationDefinition Operation { get; } = operation;

    public List<GraphQLError> Errors { get; } = errors;

    public string[] ConditionVariables { get; } = conditionVariables;

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

    public OperationPlan GetPlan(ulong key, Func<OperationPlan> create) =>
        _plans.TryGetValue(key, out var plan) ? plan : _plans.GetOrAdd(key, _ => create());
}
