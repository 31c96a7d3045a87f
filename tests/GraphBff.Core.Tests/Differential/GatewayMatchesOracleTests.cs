using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// Differential tests: every query goes to the gateway and to a GraphQL.NET oracle reading the same upstreams.
/// The <c>data</c> members must be byte-identical (both compact) and the sets of error paths equal; messages may differ.
/// </summary>
public sealed class GatewayMatchesOracleTests(DifferentialFixture fixture, ITestOutputHelper output) : IClassFixture<DifferentialFixture>
{
    public static TheoryData<string> FragmentCases => DifferentialCases.Names(DifferentialCases.Fragments);

    public static TheoryData<string> AliasCases => DifferentialCases.Names(DifferentialCases.Aliases);

    public static TheoryData<string> VariableCases => DifferentialCases.Names(DifferentialCases.Variables);

    public static TheoryData<string> DirectiveCases => DifferentialCases.Names(DifferentialCases.Directives);

    public static TheoryData<string> TypenameCases => DifferentialCases.Names(DifferentialCases.Typename);

    public static TheoryData<string> NullCases => DifferentialCases.Names(DifferentialCases.Nulls);

    public static TheoryData<string> ListCases => DifferentialCases.Names(DifferentialCases.Lists);

    public static TheoryData<string> JoinCases => DifferentialCases.Names(DifferentialCases.Joins);

    public static TheoryData<string> ErrorCases => DifferentialCases.Names(DifferentialCases.Errors);

    public static TheoryData<string> IntrospectionCases => DifferentialCases.Names(DifferentialCases.Introspection);

    [Theory]
    [MemberData(nameof(FragmentCases))]
    public Task Fragments_are_collected_like_the_oracle(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(AliasCases))]
    public Task Aliases_are_answered_like_the_oracle(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(VariableCases))]
    public Task Variables_are_applied_like_the_oracle(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(DirectiveCases))]
    public Task Skip_and_include_select_like_the_oracle(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(TypenameCases))]
    public Task Typename_is_answered_like_the_oracle(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(NullCases))]
    public Task Nulls_are_answered_like_the_oracle(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(ListCases))]
    public Task Lists_are_answered_like_the_oracle(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(JoinCases))]
    public Task Joins_resolve_like_the_oracle(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public Task Errors_have_the_oracle_paths_and_data(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(IntrospectionCases))]
    public Task Introspection_is_answered_like_the_oracle(string name) => AssertSameAsync(name);

    [Fact]
    public void There_are_at_least_thirty_cases() => Assert.True(DifferentialCases.All.Count() >= 30);

    private async Task AssertSameAsync(string name)
    {
        var c = DifferentialCases.Get(name);
        var oracleTask = fixture.RunOracleAsync(c.Query, c.Variables, c.OperationName);
        var (status, gatewayJson) = await fixture.RunGatewayAsync(c.Query, c.Variables, c.OperationName);
        var oracleJson = await oracleTask;
        output.WriteLine("query:     " + c.Query);
        output.WriteLine("variables: " + (c.Variables ?? "(none)"));
        output.WriteLine($"gateway ({status}): " + gatewayJson);
        output.WriteLine("oracle:      " + oracleJson);

        var oracle = Summary.Of(oracleJson);
        var gateway = Summary.Of(gatewayJson);

        // The oracle's own answer must have the expected shape, or the case proves nothing.
        switch (c.Expect)
        {
            case OracleExpectation.Data:
                Assert.True(oracle.Data is not null && oracle.Data != "null" && oracle.ErrorPaths.Count == 0, "oracle did not answer with data only: " + oracleJson);
                break;
            case OracleExpectation.FieldErrors:
                Assert.True(oracle.Data is not null && oracle.ErrorPaths.Count > 0, "oracle did not answer with data and field errors: " + oracleJson);
                break;
            case OracleExpectation.RequestErrors:
                Assert.True(oracle.Data is null && oracle.ErrorPaths.Count > 0, "oracle did not answer with request errors only: " + oracleJson);
                break;
        }

        var problems = new StringBuilder();
        if (!string.Equals(gateway.Data, oracle.Data, StringComparison.Ordinal))
        {
            problems.AppendLine("data differs:")
                .AppendLine("  expected (oracle): " + (oracle.Data ?? "(no data member)"))
                .AppendLine("  actual (gateway):  " + (gateway.Data ?? "(no data member)"));
        }

        if (!gateway.ErrorPaths.SequenceEqual(oracle.ErrorPaths, StringComparer.Ordinal))
        {
            problems.AppendLine("error paths differ:")
                .AppendLine("  expected (oracle): " + string.Join(" ", oracle.ErrorPaths))
                .AppendLine("  actual (gateway):  " + string.Join(" ", gateway.ErrorPaths));
        }

        if (problems.Length > 0)
        {
            Assert.Fail($"{c.Name}\nquery: {c.Query}\nvariables: {c.Variables ?? "(none)"}\n{problems}gateway response ({status}): {gatewayJson}\noracle response: {oracleJson}");
        }
    }

    /// <summary>The compared parts of a response: the raw <c>data</c> text (null when absent) and the set of error paths, sorted.</summary>
    private sealed record Summary(string? Data, List<string> ErrorPaths)
    {
        public static Summary Of(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var data = root.TryGetProperty("data", out var d) ? d.GetRawText() : null;
            var paths = new List<string>();
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray())
                {
                    paths.Add(error.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.Array
                        ? "[" + string.Join(",", path.EnumerateArray().Select(static s => s.GetRawText())) + "]"
                        : "(no path)");
                }
            }

            return new Summary(data, [.. paths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
        }
    }
}
