using System.Text.Json;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// One book of the test-only "catalog" upstream. Enum-typed members are plain strings so that the catalog can send values
/// outside the enum on purpose; <see cref="CopiesSold"/> is a long so that it can send an Int that does not fit 32 bits.
/// </summary>
internal sealed record CatalogBook(
    string Id,
    string Title,
    string Genre,
    string? Published,
    double? Rating,
    int? Pages,
    long? CopiesSold,
    bool InPrint,
    string[] Tags,
    JsonElement? Meta,
    string? Weird,
    string[]? Related,
    string Shelf);
