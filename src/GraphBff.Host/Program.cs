using GraphBff;
using GraphBff.AspNetCore.Authentication;
using GraphBff.AspNetCore.Authorization;
using GraphBff.Samples.Accounts;
using GraphBff.Samples.Content;
using Microsoft.AspNetCore.Builder;

namespace GraphBff.Host;

/// <summary>
/// The gateway host. With no <c>GraphBff:Sources</c> configured it starts the demo upstreams in-process
/// (accounts on 127.0.0.1:4001, content on 127.0.0.1:4002) and serves the demo graph on 127.0.0.1:5000.
/// </summary>
public partial class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "token")
        {
            return PrintDevelopmentToken(args);
        }

        DemoAwareApp app;
        try
        {
            app = await BuildAsync(args).ConfigureAwait(false);
        }
        catch (GraphBffConfigurationException ex)
        {
            await Console.Error.WriteLineAsync("GraphBff cannot start: " + ex.Message).ConfigureAwait(false);
            return 1;
        }

        await using var running = app;
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (GraphBffConfigurationException ex)
        {
            await Console.Error.WriteLineAsync("GraphBff cannot start: " + ex.Message).ConfigureAwait(false);
            return 1;
        }

        foreach (var url in app.Urls)
        {
            app.Logger.LogInformation("GraphBff serves {Url}/graphql", url.TrimEnd('/'));
        }

        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>Builds the host; starts the demo upstreams first when no sources are configured.</summary>
    public static async Task<DemoAwareApp> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5000");
        }

        var graphBff = builder.Services.AddGraphBff();
        builder.Services.Configure<GraphBffOptions>(builder.Configuration.GetSection("GraphBff"));
        builder.Services.Configure<GraphBffAuthorizationOptions>(builder.Configuration.GetSection("GraphBff:Authorization"));
        var authentication = builder.Configuration.GetSection("GraphBff:Authentication").Get<GraphBffAuthenticationOptions>() ?? new();
        DevelopmentTokenIssuer? development = null;
        if (authentication.Providers.Count == 0 && builder.Environment.IsDevelopment())
        {
            // Development only: the host issues and checks its own tokens (see `-- token`).
            development = DevelopmentTokenIssuer.Load();
            authentication.Providers.Add(development.Provider());
        }

        graphBff.AddTokenProviders(authentication);
        builder.Services.PostConfigure<GraphBffOptions>(static options =>
        {
            if (!Path.IsPathRooted(options.SchemaDirectory))
            {
                options.SchemaDirectory = Path.Combine(AppContext.BaseDirectory, options.SchemaDirectory);
            }
        });

        var demos = new List<WebApplication>();
        if (!builder.Configuration.GetSection("GraphBff:Sources").Exists())
        {
            var accounts = AccountsApp.Build(builder.Configuration["Demo:AccountsUrl"] ?? AccountsApp.DefaultUrl);
            var content = ContentApp.Build(builder.Configuration["Demo:ContentUrl"] ?? ContentApp.DefaultUrl);
            await accounts.StartAsync().ConfigureAwait(false);
            await content.StartAsync().ConfigureAwait(false);
            demos.Add(accounts);
            demos.Add(content);
            var accountsUrl = new Uri(AccountsApp.GetBaseAddress(accounts), "/graphql").ToString();
            var contentUrl = ContentApp.GetBaseAddress(content).ToString();
            graphBff
                .AddGraphQLSource("accounts", accountsUrl, static accounts => accounts.ClaimHeaders["x-user-id"] = "sub")
                .AddRestSource("content", contentUrl);
            Console.WriteLine($"Demo upstreams: accounts {accountsUrl}, content {contentUrl}");
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapGraphBff("/graphql");
        if (development is not null)
        {
            var jwks = development.JwksJson();
            app.MapGet(DevelopmentTokenIssuer.JwksPath, () => Results.Text(jwks, "application/json"));
        }

        return new DemoAwareApp(app, demos);
    }

    /// <summary><c>token --sub 7 --role admin [--role editor] [--minutes 60]</c>: prints a development token.</summary>
    private static int PrintDevelopmentToken(string[] args)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
        if (environment != "Development")
        {
            Console.Error.WriteLine("Development tokens exist only in Development (ASPNETCORE_ENVIRONMENT=Development; `dotnet run` sets it).");
            return 2;
        }

        var claims = new List<System.Security.Claims.Claim>();
        var minutes = 60;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--sub":
                    claims.Add(new("sub", args[i + 1]));
                    break;
                case "--role":
                    claims.Add(new("role", args[i + 1]));
                    break;
                case "--minutes":
                    minutes = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    claims.Add(new(args[i].TrimStart('-'), args[i + 1]));
                    break;
            }
        }

        Console.WriteLine(DevelopmentTokenIssuer.Load().CreateToken(claims, TimeSpan.FromMinutes(minutes)));
        return 0;
    }
}
