namespace GraphBff.AspNetCore.Tests.Infrastructure;

/// <summary>The gateway checking tokens against a real JWKS endpoint on 127.0.0.1, with the demo's authorization rules.</summary>
public class AuthGatewayFixture : GatewayFixture
{
    public JwksServer Jwks { get; } = new();

    protected override async Task<IEnumerable<string>> ExtraArgumentsAsync()
    {
        await Jwks.StartAsync();
        return
        [
            .. MoreArguments(),
            "--GraphBff:Authentication:Providers:0:Name=test",
            "--GraphBff:Authentication:Providers:0:JwksUrl=" + Jwks.JwksUri,
            "--GraphBff:Authentication:Providers:0:Issuer=" + JwksServer.Issuer,
            "--GraphBff:Authentication:Providers:0:Audiences:0=" + JwksServer.Audience,
            "--GraphBff:Authentication:Providers:0:RefreshInterval=00:00:01",
            "--GraphBff:Authentication:Providers:0:ClockSkew=00:00:00",
        ];
    }

    protected virtual IEnumerable<string> MoreArguments() => [];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Jwks.DisposeAsync();
    }
}
