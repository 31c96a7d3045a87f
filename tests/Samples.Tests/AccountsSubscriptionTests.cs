using System.Text.Json;

namespace GraphBff.Samples.Tests;

public sealed class AccountsSubscriptionTests(AccountsServerFixture server) : IClassFixture<AccountsServerFixture>
{
    private const string UserUpdated = "subscription { userUpdated { id name email company role } }";

    [Fact]
    public async Task UserUpdated_StreamsUsersInOrder_UntilTheClientCompletes()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(server.BaseAddress);
        Assert.Equal(TransportWsTestClient.SubProtocol, client.NegotiatedSubProtocol);
        await client.InitAsync();

        await client.SendAsync(new { id = "s1", type = "subscribe", payload = new { query = UserUpdated } });

        var received = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var next = await client.ReceiveMessageAsync();
            Assert.Equal("next", next.GetProperty("type").GetString());
            Assert.Equal("s1", next.GetProperty("id").GetString());
            var user = next.GetProperty("payload").GetProperty("data").GetProperty("userUpdated");
            received.Add(user.GetProperty("id").GetString()!);
            Assert.Equal("User " + received[^1], user.GetProperty("name").GetString());
        }

        Assert.Equal(["1", "2", "3"], received);

        await client.SendAsync(new { id = "s1", type = "complete" });
        await client.SendAsync(new { type = "ping" });

        // An event already on the wire before "complete" arrived may still show up; it must be user 4.
        var message = await client.ReceiveMessageAsync();
        while (message.GetProperty("type").GetString() == "next")
        {
            Assert.Equal("4", message.GetProperty("payload").GetProperty("data").GetProperty("userUpdated").GetProperty("id").GetString());
            message = await client.ReceiveMessageAsync();
        }

        Assert.Equal("pong", message.GetProperty("type").GetString());

        // Two more intervals: the stream is stopped, so the only message is the answer to this ping.
        await Task.Delay(450);
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveMessageAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Subscribe_BeforeConnectionInit_ClosesWith4401()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(server.BaseAddress);

        await client.SendAsync(new { id = "s1", type = "subscribe", payload = new { query = UserUpdated } });

        Assert.Equal(4401, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribe_WithAnIdInUse_ClosesWith4409()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        await client.SendAsync(new { id = "dup", type = "subscribe", payload = new { query = UserUpdated } });
        await client.SendAsync(new { id = "dup", type = "subscribe", payload = new { query = UserUpdated } });

        var frame = await client.ReceiveAsync();
        while (frame.Message is { } message)
        {
            Assert.Equal("next", message.GetProperty("type").GetString());
            frame = await client.ReceiveAsync();
        }

        Assert.Equal(4409, (int)frame.CloseStatus!.Value);
    }

    [Fact]
    public async Task SecondConnectionInit_ClosesWith4429()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal(4429, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task InvalidMessage_ClosesWith4400()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        await client.SendAsync(new { type = "subscribe", payload = new { query = UserUpdated } });

        Assert.Equal(4400, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribe_WithAnInvalidDocument_AnswersWithAnErrorMessage()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        await client.SendAsync(new { id = "bad", type = "subscribe", payload = new { query = "subscription { nope }" } });

        var error = await client.ReceiveMessageAsync();
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("bad", error.GetProperty("id").GetString());
        var first = Assert.Single(error.GetProperty("payload").EnumerateArray());
        Assert.Contains("nope", first.GetProperty("message").GetString(), StringComparison.Ordinal);

        // The connection stays usable.
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveMessageAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Query_OverTheSocket_AnswersNextThenComplete_WithTheUpgradeRequestUser()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(server.BaseAddress, userId: "17");
        await client.InitAsync();

        await client.SendAsync(new
        {
            id = "q1",
            type = "subscribe",
            payload = new { query = "query Q($id: ID!) { me { id } user(id: $id) { name } }", variables = new { id = "5" }, operationName = "Q" },
        });

        var next = await client.ReceiveMessageAsync();
        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("q1", next.GetProperty("id").GetString());
        var data = next.GetProperty("payload").GetProperty("data");
        Assert.Equal("17", data.GetProperty("me").GetProperty("id").GetString());
        Assert.Equal("User 5", data.GetProperty("user").GetProperty("name").GetString());

        var complete = await client.ReceiveMessageAsync();
        Assert.Equal("complete", complete.GetProperty("type").GetString());
        Assert.Equal("q1", complete.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Ping_IsAnsweredWithPong_EvenBeforeInit()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(server.BaseAddress);

        await client.SendAsync(new { type = "ping" });

        Assert.Equal("pong", (await client.ReceiveMessageAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task TwoSubscriptions_EachStartAtUser1()
    {
        await using var client = await TransportWsTestClient.ConnectAsync(server.BaseAddress);
        await client.InitAsync();

        await client.SendAsync(new { id = "a", type = "subscribe", payload = new { query = "subscription { userUpdated { id } }" } });
        var first = await client.ReceiveMessageAsync();
        await client.SendAsync(new { id = "b", type = "subscribe", payload = new { query = "subscription { userUpdated { id } }" } });

        var firstIds = new Dictionary<string, List<string>> { ["a"] = [], ["b"] = [] };
        Record(first);
        while (firstIds["b"].Count == 0)
        {
            Record(await client.ReceiveMessageAsync());
        }

        Assert.Equal("1", firstIds["a"][0]);
        Assert.Equal("1", firstIds["b"][0]);

        void Record(JsonElement message)
        {
            Assert.Equal("next", message.GetProperty("type").GetString());
            firstIds[message.GetProperty("id").GetString()!].Add(
                message.GetProperty("payload").GetProperty("data").GetProperty("userUpdated").GetProperty("id").GetString()!);
        }
    }
}
