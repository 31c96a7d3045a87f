using GraphBff.AspNetCore.Tests.Infrastructure;

namespace GraphBff.AspNetCore.Tests.Authorization;

/// <summary>Key caching: a new kid is fetched by a rate-limited refresh; an unreachable JWKS leaves cached keys working.</summary>
public sealed class JwksKeyRotationTests : IAsyncLifetime
{
    private readonly AuthGatewayFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    private async Task<int> StatusAsync(string token) =>
        (await GatewayExchange.PostAsync(_fixture, "{ user(id: \"1\") { name } }", token: token)).Status;

    [Fact]
    public async Task Unknown_kid_triggers_a_refresh_and_the_new_key_is_accepted()
    {
        Assert.Equal(200, await StatusAsync(_fixture.Jwks.Token("7")));
        var rotated = JwksServer.NewKey("key-2");
        _fixture.Jwks.Publish(rotated);

        var status = 0;
        for (var attempt = 0; attempt < 150 && status != 200; attempt++)
        {
            status = await StatusAsync(_fixture.Jwks.Token("7", key: rotated));
            if (status != 200)
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal(200, status);

        // Refreshes are rate limited (RefreshInterval = 1 s): a burst of unknown kids does not hammer the JWKS endpoint.
        var strangerKey = JwksServer.NewKey("unknown");
        var tokens = Enumerable.Range(0, 20).Select(i => _fixture.Jwks.Token("7", key: new Microsoft.IdentityModel.Tokens.RsaSecurityKey(strangerKey.Rsa) { KeyId = "unknown-" + i })).ToList();
        var before = _fixture.Jwks.Requests;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var token in tokens)
        {
            Assert.Equal(401, await StatusAsync(token));
        }

        // At most one refresh per RefreshInterval (1 s), plus the one in flight.
        Assert.InRange(_fixture.Jwks.Requests - before, 0, (int)clock.Elapsed.TotalSeconds + 2);
        Assert.True(_fixture.Jwks.Requests - before < tokens.Count, "every unknown kid fetched the JWKS again");
    }

    [Fact]
    public async Task Unreachable_jwks_leaves_cached_keys_working()
    {
        Assert.Equal(200, await StatusAsync(_fixture.Jwks.Token("7")));
        await _fixture.Jwks.StopAsync();

        // An unknown kid asks for a refresh, which fails; the known key keeps working.
        Assert.Equal(401, await StatusAsync(_fixture.Jwks.Token("7", key: JwksServer.NewKey("key-x"))));
        await Task.Delay(1200);
        Assert.Equal(401, await StatusAsync(_fixture.Jwks.Token("7", key: JwksServer.NewKey("key-y"))));
        Assert.Equal(200, await StatusAsync(_fixture.Jwks.Token("7")));
    }
}
