using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GraphBff.Samples;

/// <summary>
/// Hosting plumbing shared by the demo upstreams (compiled into each, so each still runs alone): an isolated, minimal Kestrel host (no configuration files, no environment
/// variables, no per-request logging) so the sample can run standalone or inside another process.
/// </summary>
internal static class SampleHost
{
    public static WebApplicationBuilder CreateBuilder(string url, string applicationName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);

        // The empty builder reads no appsettings.json / environment variables, so hosting this app inside
        // the gateway (or a test) process cannot pick up that process's configuration (Kestrel endpoints etc.).
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = applicationName,
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        builder.WebHost.UseUrls(url);
        builder.Services.AddRoutingCore();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    /// <summary>The address the started app actually listens on, e.g. "http://127.0.0.1:54321".</summary>
    public static Uri GetBaseAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        foreach (var address in addresses ?? [])
        {
            var uri = new Uri(address);
            if (uri.Port != 0)
            {
                return new Uri(uri.GetLeftPart(UriPartial.Authority));
            }
        }

        throw new InvalidOperationException("The app is not listening yet; call StartAsync before GetBaseAddress.");
    }

    /// <summary>The value of "--urls value" / "--urls=value" when given (first URL if several), else the default.</summary>
    public static string ResolveUrl(string[] args, string defaultUrl)
    {
        for (var i = 0; i < args.Length; i++)
        {
            string? value = null;
            if (args[i] == "--urls" && i + 1 < args.Length)
            {
                value = args[i + 1];
            }
            else if (args[i].StartsWith("--urls=", StringComparison.Ordinal))
            {
                value = args[i]["--urls=".Length..];
            }

            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
            }
        }

        return defaultUrl;
    }
}
