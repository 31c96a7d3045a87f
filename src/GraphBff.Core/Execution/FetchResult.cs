namespace GraphBff.Execution;

/// <summary>A fetch node's results in one request: one outcome, or one per distinct key of its parents.</summary>
internal sealed class FetchResult
{
    public FetchOutcome Single { get; set; }

    public Dictionary<string, FetchOutcome>? ByKey { get; set; }

    /// <summary>Upstream errors no field claimed by their path; they are reported without one.</summary>
    public List<UpstreamPathError>? Unmatched { get; set; }
}
