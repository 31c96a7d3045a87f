using System.Security.Claims;
using GraphBff.AspNetCore.Authentication;
using GraphBff.AspNetCore.Tests.Infrastructure;
using GraphBff.Host;
using GraphBff.Samples.Accounts;
using GraphBff.Samples.Content;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GraphBff.AspNetCore.Tests.Authorization;

public sealed class DevelopmentTokenTests
{
    [Fact]
    public async Task Development_host_serves_its_jwks_and_accepts_its_tokens()
    {
        await using var accounts = AccountsApp.Build("http://127.0.0.1:0");
        await using var content = ContentApp.Build("http://127.0.0.1:0");
        await accounts.StartAsync();
        await content.StartAsync();
        await using var gateway = await Program.BuildAsync(
        [
            "--environment=Development",
            "--urls=http://127.0.0.1:0",
            "--GraphBff:Sources:accounts:Url=" + new Uri(AccountsApp.GetBaseAddress(accounts), "/graphql"),
            "--GraphBff:Sources:content:Kind=Rest",
            "--GraphBff:Sources:content:Url=" + ContentApp.GetBaseAddress(content),
            "--Logging:LogLevel:Default=Warning",
        ]);
        await gateway.StartAsync();
        var address = gateway.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var jwks = await client.GetStringAsync(DevelopmentTokenIssuer.JwksPath);
        Assert.Contains("\"kty\":\"RSA\"", jwks);
        Assert.DoesNotContain("\"d\"", jwks);

        var token = DevelopmentTokenIssuer.Load().CreateToken([new Claim("sub", "7"), new Claim("role", "admin")], TimeSpan.FromMinutes(5));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ me { id } user(id: \\\"8\\\") { company } }\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        using var response = await client.SendAsync(request);

        Assert.Equal("{\"data\":{\"me\":{\"id\":\"7\"},\"user\":{\"company\":\"Company H\"}}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Production_host_has_no_development_issuer()
    {
        var fixture = new AuthGatewayFixture();
        await fixture.InitializeAsync();
        try
        {

        using var response = await fixture.Client.GetAsync(new Uri(fixture.GatewayUri, DevelopmentTokenIssuer.JwksPath));
        Assert.Equal(404, (int)response.StatusCode);

        var token = DevelopmentTokenIssuer.Load().CreateToken([new Claim("sub", "7")], TimeSpan.FromMinutes(5));
        var exchange = await GatewayExchange.PostAsync(fixture, "{ user(id: \"1\") { name } }", token: token);
        Assert.Equal(401, exchange.Status);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task Token_command_refuses_outside_development()
    {
        Assert.NotEqual("Development", Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"));
        Assert.Equal(2, await Program.Main(["token", "--sub", "7"]));
    }
}
