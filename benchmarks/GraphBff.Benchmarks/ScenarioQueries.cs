namespace GraphBff.Benchmarks;

/// <summary>The benchmark queries of the reference scenario (shared/SCENARIO.md), plus a root-field-only variant.</summary>
public static class ScenarioQueries
{
    public const string Small = """{ user(id: "1") { id name } }""";

    public const string Medium = "{ posts(limit: 20) { id title author { id name } comments { id text author { name } } } }";

    public const string Large =
        "{ posts(limit: 100) { id title body createdAt author { id name role posts { id title } } comments { id text author { id name } } } }";

    /// <summary>The medium query's root field alone: one REST call, no joins.</summary>
    public const string MediumRootOnly = "{ posts(limit: 20) { id title body createdAt } }";

    public static IReadOnlyList<(string Name, string Query)> All { get; } =
    [
        ("small", Small),
        ("medium", Medium),
        ("large", Large),
        ("medium-root-only", MediumRootOnly),
    ];
}
