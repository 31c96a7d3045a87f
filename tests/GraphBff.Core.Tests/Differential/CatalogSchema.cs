using GraphQL.Types;

namespace GraphBff.Core.Tests.Differential;

/// <summary>The catalog's executable schema (code-first GraphQL.NET), with <c>Int</c> replaced by a lenient variant.</summary>
internal sealed class CatalogSchema : Schema
{
    public CatalogSchema()
    {
        Query = new CatalogQueryGraphType();
        RegisterType(new CatalogLenientIntGraphType());
    }
}
