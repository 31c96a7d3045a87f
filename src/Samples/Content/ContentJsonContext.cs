using System.Text.Json.Serialization;

namespace GraphBff.Samples.Content;

/// <summary>Source-generated (reflection-free) JSON metadata for the content payloads.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Post))]
[JsonSerializable(typeof(Comment[]))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class ContentJsonContext : JsonSerializerContext;
