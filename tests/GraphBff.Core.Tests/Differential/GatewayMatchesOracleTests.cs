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
        DifferentialComparison.AssertSame(c, status, gatewayJson, oracleJson, output);
    }
}
