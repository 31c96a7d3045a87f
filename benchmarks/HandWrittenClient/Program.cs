using System.Net;

namespace GraphBff.HandWrittenClient;

/// <summary>
/// The load test's baseline: a hand-written BFF endpoint, GET /medium, that answers the scenario's medium query
/// with the ideal upstream calls and no GraphQL machinery. Options: --urls (default http://127.0.0.1:5100),
/// --Accounts (default http://127.0.0.1:4001/graphql), --Content (default http://127.0.0.1:4002/).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5100");
        }

        var accounts = new Uri(builder.Configuration["Accounts"] ?? "http://127.0.0.1:4001/graphql");
        var content = new Uri((builder.Configuration["Content"] ?? "http://127.0.0.1:4002").TrimEnd('/') + "/");

        // The same connection settings as the gateway's upstream clients.
        var http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = 512,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            UseProxy = false,
        })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };

        var medium = new MediumEndpoint(http, accounts, content);
        var app = builder.Build();
        app.MapGet("/medium", medium.HandleAsync);
        app.Run();
    }
}
