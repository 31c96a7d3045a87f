namespace GraphBff.AspNetCore.Authentication;

public static class GraphBffAuthenticationDefaults
{
    /// <summary>The scheme that picks a provider's JwtBearer scheme by the token's issuer.</summary>
    public const string Scheme = "GraphBff";

    public static string ProviderScheme(string name) => Scheme + ":" + name;
}
