namespace GraphBff.Samples.Accounts;

internal sealed record User(string Id, string Name, string Email, string? Company, string Role);
