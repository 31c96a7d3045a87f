namespace GraphBff.AspNetCore.Authentication;

/// <summary>One issuer of bearer tokens (<c>GraphBff:Authentication:Providers:N</c>), e.g. a Clerk instance or an OIDC provider.</summary>
public sealed class TokenProviderOptions
{
    /// <summary>A name for logs and the authentication scheme (<c>GraphBff:&lt;name&gt;</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>The JWKS endpoint (e.g. https://your-app.clerk.accounts.dev/.well-known/jwks.json).</summary>
    public string? JwksUrl { get; set; }

    /// <summary>Or an OIDC authority whose discovery document names the JWKS.</summary>
    public string? Authority { get; set; }

    /// <summary>The expected <c>iss</c>; also picks the provider for a token when there are several.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Accepted <c>aud</c> values; empty accepts any (Clerk session tokens carry none).</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>Accepted signing algorithms; default RS256 and ES256. <c>none</c> is never accepted.</summary>
    public List<string> Algorithms { get; set; } = ["RS256", "ES256"];

    /// <summary>The claim that holds roles (for <c>@authorize(roles:)</c>); default <c>role</c>.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>The claim that names the caller; default <c>sub</c>.</summary>
    public string NameClaim { get; set; } = "sub";

    /// <summary>Tolerated clock difference; default 30 s.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Least time between two key refreshes caused by unknown <c>kid</c>s; default 30 s.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A key given in code instead of a JWKS endpoint (the development issuer uses it).</summary>
    internal Microsoft.IdentityModel.Tokens.SecurityKey? IssuerSigningKey { get; set; }

    /// <summary>How often keys are refreshed anyway; default 1 h.</summary>
    public TimeSpan AutomaticRefreshInterval { get; set; } = TimeSpan.FromHours(1);
}
