namespace GraphBff.AspNetCore.Authorization;

/// <summary>Compares a claim of the caller with a field of the parent object.</summary>
public sealed class ClaimFieldOptions
{
    public string Claim { get; set; } = "sub";

    public string Field { get; set; } = "id";
}
