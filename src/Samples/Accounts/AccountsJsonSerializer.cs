using System.Text.Json;
using GraphQL.SystemTextJson;

namespace GraphBff.Samples.Accounts;

/// <summary>
/// GraphQL.NET's System.Text.Json serializer, additionally exposing its configured options so payloads
/// can be serialized straight to UTF-8 bytes (no intermediate string or stream).
/// </summary>
internal sealed class AccountsJsonSerializer : GraphQLSerializer
{
    public JsonSerializerOptions Options => SerializerOptions;

    public byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, SerializerOptions);

    public T? Deserialize<T>(JsonElement element) => element.Deserialize<T>(SerializerOptions);
}
