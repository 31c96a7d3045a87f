namespace GraphBff.Samples.Accounts;

/// <summary>
/// The "accounts" demo upstream: a GraphQL API over 200 deterministic users at /graphql
/// (HTTP POST/GET and graphql-transport-ws subscriptions on the same path).
/// </summary>
public static class AccountsApp
{
    public const string DefaultUrl = "http://127.0.0.1:4001";

    /// <summary>
    /// Builds (does not start) the app listening on <paramref name="url"/>;
    /// "http://127.0.0.1:0" picks a free port (see <see cref="GetBaseAddress"/>).
    /// </summary>
    public static WebApplication Build(string url = DefaultUrl)
    {
        var builder = SampleHost.CreateBuilder(url, typeof(AccountsApp).Assembly.GetName().Name!);
        builder.Services.AddSingleton<AccountsExecutor>();
        builder.Services.AddSingleton<AccountsJsonSerializer>();
        builder.Services.AddSingleton<GraphQLHttpEndpoint>();

        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        var endpoint = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        app.Map("/graphql", endpoint.HandleAsync);
        return app;
    }

    /// <summary>The bound base address, e.g. "http://127.0.0.1:54321"; valid after <c>StartAsync</c>.</summary>
    public static Uri GetBaseAddress(WebApplication app) => SampleHost.GetBaseAddress(app);
}
