using Xunit.Abstractions;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// Differential tests for enums and custom scalars: every query goes to a gateway over the test-only catalog upstream and
/// to the catalog oracle (GraphQL.NET over the gateway's public SDL, reading the same catalog). Interfaces and unions are
/// in <see cref="GatewayMatchesOracleOnCatalogItemsTests"/>.
/// </summary>
public sealed class GatewayMatchesOracleOnCatalogTests(CatalogFixture fixture, ITestOutputHelper output) : IClassFixture<CatalogFixture>
{
    public static TheoryData<string> EnumCases => Names(CatalogCases.Enums);

    public static TheoryData<string> InvalidEnumCases => Names(CatalogCases.InvalidEnums);

    public static TheoryData<string> ScalarCases => Names(CatalogCases.Scalars);

    public static TheoryData<string> RequestErrorCases => Names(CatalogCases.RequestErrors);

    public static TheoryData<string> IntrospectionCases => Names(CatalogCases.Introspection);

    public static TheoryData<string> UpstreamIntrospectionCases => Names(CatalogCases.UpstreamIntrospection);

    [Theory]
    [MemberData(nameof(EnumCases))]
    public Task Enums_are_answered_like_the_oracle(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(InvalidEnumCases))]
    public Task Invalid_enum_values_from_upstream_are_errors_like_the_oracle(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(ScalarCases))]
    public Task Scalars_are_answered_like_the_oracle(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(RequestErrorCases))]
    public Task Bad_inputs_are_rejected_like_the_oracle(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(IntrospectionCases))]
    public Task Enum_and_scalar_introspection_is_answered_like_the_oracle(string name) => AssertSameAsync(name);

    [Theory]
    [MemberData(nameof(UpstreamIntrospectionCases))]
    public Task Introspection_of_catalog_types_matches_the_catalog_itself(string name) =>
        fixture.AssertMatchesCatalogAsync(CatalogCases.Get(name), output);

    [Fact]
    public void There_are_at_least_fifteen_cases() => Assert.True(CatalogCases.All.Count() >= 15);

    [Fact]
    public void The_gateway_introspected_the_catalog_and_exposes_its_enum_and_scalars()
    {
        output.WriteLine(string.Join("\n", fixture.StartupLog));
        output.WriteLine(fixture.Gateway.PublicSdl);
        Assert.Contains(fixture.StartupLog, static line => line.Contains("'catalog'", StringComparison.Ordinal) && line.Contains("introspected", StringComparison.Ordinal));
        Assert.Contains("enum Genre", fixture.Gateway.PublicSdl, StringComparison.Ordinal);
        Assert.Contains("scalar Date", fixture.Gateway.PublicSdl, StringComparison.Ordinal);
        Assert.Contains("scalar JSON", fixture.Gateway.PublicSdl, StringComparison.Ordinal);
    }

    private static TheoryData<string> Names(DifferentialCase[] group) => CatalogCases.Names(group);

    private Task AssertSameAsync(string name) => fixture.AssertMatchesOracleAsync(CatalogCases.Get(name), output);
}
