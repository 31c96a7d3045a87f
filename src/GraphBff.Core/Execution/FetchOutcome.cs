using System.Text.Json;

namespace GraphBff.Execution;

/// <summary>What one upstream call (or one parent's part of a batch) gave: a value, a failure, or both with path errors.</summary>
internal readonly struct FetchOutcome
{
    public FetchOutcome(JsonElement value, GraphQLError? failure, List<UpstreamPathError>? errors)
    {
        Value = value;
        Failure = failure;
        Errors = errors;
    }

    public JsonElement Value { get; }

    /// <summary>Set when the call failed as a whole (timeout, unreachable, 5xx, not JSON).</summary>
    public GraphQLError? Failure { get; }

    public List<UpstreamPathError>? Errors { get; }

    public static FetchOutcome Failed(GraphQLError failure) => new(default, failure, null);
}
