namespace GraphBff.Samples.Accounts;

internal static class Program
{
    public static async Task Main(string[] args)
    {
        await using var app = AccountsApp.Build(SampleHost.ResolveUrl(args, AccountsApp.DefaultUrl));
        await app.StartAsync();
        Console.WriteLine($"accounts upstream (GraphQL) listening on {new Uri(AccountsApp.GetBaseAddress(app), "/graphql")}");
        await app.WaitForShutdownAsync();
    }
}
