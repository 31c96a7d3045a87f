using Xunit.Abstractions;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// Differential tests for interfaces and unions: the catalog with items (<see cref="CatalogItemsFixture"/>) behind a
/// gateway, which sends <c>__typename</c> and one inline fragment per possible type upstream and picks each value's
/// selection by its <c>__typename</c>; the catalog oracle resolves the same abstract types from the upstream's
/// <c>__typename</c>. The catalog's introspection cases run here too, since this catalog has more types and root fields.
/// </summary>
public sealed class GatewayMatchesOracleOnCatalogItemsTests(CatalogItemsFixture fixture, ITestOutputHelper output) : IClassFixture<CatalogItemsFixture>
{
    public static TheoryData<string> AbstractCases => CatalogCases.Names(CatalogCases.Abstract);

    public static TheoryData<string> AbstractErrorCases => CatalogCases.Names(CatalogCases.AbstractErrors);

    public static TheoryData<string> IntrospectionCases => CatalogCases.Names([.. CatalogCases.AbstractIntrospection, .. CatalogCases.Introspection]);

    public static TheoryData<string> UpstreamIntrospectionCases =>
        CatalogCases.Names([.. CatalogCases.UpstreamAbstractIntrospection, .. CatalogCases.UpstreamIntrospection]);

    [Theory]
    [MemberData(nameof(AbstractCases))]
    public Task Interfaces_and_unions_are_answered_like_the_oracle(string name) =>
        fixture.AssertMatchesOracleAsync(CatalogCases.Get(name), output);

    [Theory]
    [MemberData(nameof(AbstractErrorCases))]
    public Task Errors_inside_interfaces_and_unions_are_like_the_oracle(string name) =>
        fixture.AssertMatchesOracleAsync(CatalogCases.Get(name), output);

    [Theory]
    [MemberData(nameof(IntrospectionCases))]
    public Task Introspection_with_interfaces_and_unions_is_answered_like_the_oracle(string name) =>
        fixture.AssertMatchesOracleAsync(CatalogCases.Get(name), output);

    [Theory]
    [MemberData(nameof(UpstreamIntrospectionCases))]
    public Task Introspection_of_catalog_types_with_items_matches_the_catalog_itself(string name) =>
        fixture.AssertMatchesCatalogAsync(CatalogCases.Get(name), output);

    [Fact]
    public void There_are_at_least_fifteen_interface_and_union_cases() =>
        Assert.True(CatalogCases.Abstract.Length + CatalogCases.AbstractErrors.Length + CatalogCases.AbstractIntrospection.Length >= 15);

    [Fact]
    public void The_gateway_exposes_the_catalog_interface_and_union()
    {
        output.WriteLine(fixture.Gateway.PublicSdl);
        Assert.Contains("interface Item", fixture.Gateway.PublicSdl, StringComparison.Ordinal);
        Assert.Contains("type Book implements Item", fixture.Gateway.PublicSdl, StringComparison.Ordinal);
        Assert.Contains("type Magazine implements Item", fixture.Gateway.PublicSdl, StringComparison.Ordinal);
        Assert.Contains("union SearchResult = Book | Magazine", fixture.Gateway.PublicSdl, StringComparison.Ordinal);
    }
}
