using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GraphBff.Execution;

/// <summary>How the gateway writes JSON for its upstreams (request bodies), and the escaping that goes with it.</summary>
internal static class UpstreamJson
{
    /// <summary>Upstream documents are full of quotes: escape only what JSON requires, so they stay readable in logs.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Printable ASCII bytes the writer copies as they are (asked of the writer, so it stays exact).
    private static readonly bool[] s_plain = PlainBytes();

    /// <summary>What the writer makes of a double quote inside a string.</summary>
    public static ReadOnlySpan<byte> EscapedQuote => s_escapedQuote;

    private static readonly byte[] s_escapedQuote = Escape("\"");

    /// <summary>True when the writer copies every byte of <paramref name="ascii"/> unchanged inside a string.</summary>
    public static bool IsPlain(ReadOnlySpan<byte> ascii)
    {
        var plain = s_plain;
        foreach (var b in ascii)
        {
            if (b >= plain.Length || !plain[b])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <paramref name="text"/> as <see cref="Utf8JsonWriter"/> with <see cref="WriterOptions"/> writes it inside a string
    /// (without the quotes). Escaping is per char, so escaped pieces concatenate to the escaped whole.
    /// </summary>
    public static byte[] Escape(ReadOnlySpan<char> text)
    {
        var buffer = new ArrayBufferWriter<byte>(text.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStringValue(text);
        }

        return buffer.WrittenSpan[1..^1].ToArray();
    }

    private static bool[] PlainBytes()
    {
        var plain = new bool[128];
        Span<char> one = stackalloc char[1];
        for (var c = (char)0x20; c < 0x7F; c++)
        {
            one[0] = c;
            var escaped = Escape(one);
            plain[c] = escaped.Length == 1 && escaped[0] == c;
        }

        return plain;
    }
}
