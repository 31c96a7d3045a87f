using GraphQL.Types;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// Replaces the catalog's built-in <c>Int</c>: parses like <c>Int</c> but serializes any integer, even one beyond 32 bits,
/// so that the gateway receives out-of-range values from a field its schema declares as <c>Int</c>.
/// </summary>
internal sealed class CatalogLenientIntGraphType : IntGraphType
{
    public CatalogLenientIntGraphType()
    {
        Name = "Int";
    }

    public override object? Serialize(object? value) => value is long number ? number : base.Serialize(value);
}
