using System.Text;
using Microsoft.Extensions.Time.Testing;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers.Tests.Webhooks;

/// <summary>Against the test vectors the Standard Webhooks project publishes with its reference libraries (libraries/go/webhook_test.go).</summary>
public sealed class StandardWebhookVerifierTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string ExpectedSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private const string WrongSignature = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");

    [Fact]
    public void Published_signing_vector_is_reproduced()
    {
        var verifier = new StandardWebhookVerifier(Secret, At(0));

        Assert.Equal(ExpectedSignature, verifier.Sign(MessageId, DateTimeOffset.FromUnixTimeSeconds(Timestamp), Payload));
    }

    [Theory]
    [InlineData(Secret)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")] // the prefix is optional
    public void Published_vector_verifies_with_or_without_the_whsec_prefix(string secret) =>
        Assert.Null(new StandardWebhookVerifier(secret, At(0)).Verify(MessageId, Timestamp.ToString(), ExpectedSignature, Payload));

    [Fact]
    public void Several_signatures_pass_when_one_v1_entry_matches() =>
        Assert.Null(Verify(string.Join(' ', WrongSignature, "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", ExpectedSignature, WrongSignature)));

    [Theory]
    [InlineData(null, "1614265330", ExpectedSignature)]
    [InlineData(MessageId, null, ExpectedSignature)]
    [InlineData(MessageId, "1614265330", null)]
    [InlineData(MessageId, "not-a-number", ExpectedSignature)]
    [InlineData(MessageId, "1614265330", WrongSignature)]
    [InlineData(MessageId, "1614265330", "v1,not base64!")]
    [InlineData(MessageId, "1614265330", "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")] // no version prefix
    [InlineData("msg_other", "1614265330", ExpectedSignature)] // the id is signed too
    public void Missing_malformed_or_wrong_headers_are_rejected(string? id, string? timestamp, string? signature) =>
        Assert.NotNull(new StandardWebhookVerifier(Secret, At(0)).Verify(id, timestamp, signature, Payload));

    [Fact]
    public void A_changed_body_is_rejected() =>
        Assert.NotNull(new StandardWebhookVerifier(Secret, At(0)).Verify(MessageId, Timestamp.ToString(), ExpectedSignature, Encoding.UTF8.GetBytes("{\"test\": 2432232315}")));

    [Theory]
    [InlineData(-299, true)]
    [InlineData(299, true)]
    [InlineData(301, false)] // more than five minutes old: a replay
    [InlineData(-301, false)] // more than five minutes ahead
    public void Timestamps_within_five_minutes_either_way_are_accepted(int nowOffsetSeconds, bool accepted)
    {
        var error = new StandardWebhookVerifier(Secret, At(nowOffsetSeconds)).Verify(MessageId, Timestamp.ToString(), ExpectedSignature, Payload);

        Assert.Equal(accepted, error is null);
    }

    [Theory]
    [InlineData("whsec_")]
    [InlineData("whsec_%%%not-base64")]
    public void A_malformed_secret_is_refused_without_echoing_it(string secret)
    {
        var ex = Assert.Throws<FormatException>(() => StandardWebhookVerifier.ParseSecret(secret));

        Assert.DoesNotContain("not-base64", ex.Message, StringComparison.Ordinal);
    }

    private static string? Verify(string signature) =>
        new StandardWebhookVerifier(Secret, At(0)).Verify(MessageId, Timestamp.ToString(), signature, Payload);

    private static FakeTimeProvider At(int offsetSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(Timestamp + offsetSeconds));
}
