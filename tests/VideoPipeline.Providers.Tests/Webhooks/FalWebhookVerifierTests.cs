using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers.Tests.Webhooks;

/// <summary>fal's Ed25519 webhook signatures against a key set served by a stub handler, on a fake clock.</summary>
public sealed class FalWebhookVerifierTests : IDisposable
{
    private const string RequestId = "024ca5b1-45d3-4afd-883e-ad3abe2a1c4d";
    private const string UserId = "fal-user-1";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"request_id":"024ca5b1-45d3-4afd-883e-ad3abe2a1c4d","status":"OK","payload":{}}""");

    private readonly Ed25519PrivateKeyParameters _fal = new(new SecureRandom());
    private readonly Ed25519PrivateKeyParameters _attacker = new(new SecureRandom());
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
    private readonly KeySetHandler _keys;
    private readonly FalWebhookVerifier _verifier;

    public FalWebhookVerifierTests()
    {
        _keys = new KeySetHandler(Jwks(_fal));
        var cache = new JwksCache(new HttpClient(_keys), new Uri("https://rest.alpha.fal.ai/.well-known/jwks.json"), _time, FalWebhookVerifier.KeyLifetime);
        _verifier = new FalWebhookVerifier(cache, _time, FalWebhookVerifier.DefaultTolerance);
    }

    [Fact]
    public void The_Ed25519_library_verifies_RFC_8032_test_vector_1()
    {
        // RFC 8032 section 7.1, TEST 1 (empty message): the managed implementation needs no native library to load.
        var publicKey = new Ed25519PublicKeyParameters(Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        var signature = Convert.FromHexString(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        var verifier = new Ed25519Signer();
        verifier.Init(false, publicKey);

        Assert.True(verifier.VerifySignature(signature));
    }

    [Fact]
    public async Task A_delivery_signed_by_a_published_key_is_accepted() =>
        Assert.Null(await VerifyAsync(Sign(_fal)));

    [Fact]
    public async Task A_delivery_signed_by_another_key_is_refused() =>
        Assert.Contains("none of fal's published keys", await VerifyAsync(Sign(_attacker)), StringComparison.Ordinal);

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task A_timestamp_more_than_five_minutes_off_is_refused(int offsetSeconds)
    {
        var headers = Sign(_fal, _time.GetUtcNow().AddSeconds(offsetSeconds));

        Assert.Contains("off our clock", await VerifyAsync(headers), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_body_breaks_the_signature() =>
        Assert.NotNull(await _verifier.VerifyAsync(RequestId, UserId, Sign(_fal).Timestamp, Sign(_fal).Signature, Encoding.UTF8.GetBytes("{}"), CancellationToken.None));

    [Fact]
    public async Task A_changed_user_id_breaks_the_signature()
    {
        var (timestamp, signature) = Sign(_fal);

        Assert.NotNull(await _verifier.VerifyAsync(RequestId, "someone-else", timestamp, signature, Body, CancellationToken.None));
    }

    [Theory]
    [InlineData(null, UserId, "1764633600", "00")]
    [InlineData(RequestId, "", "1764633600", "00")]
    [InlineData(RequestId, UserId, "yesterday", "00")]
    [InlineData(RequestId, UserId, "99999999999999999999", "00")]
    [InlineData(RequestId, UserId, "1764633600", "zz")]
    [InlineData(RequestId, UserId, "1764633600", "not hex at all, and far too long to be an Ed25519 signature in hex: 0123456789abcdef0123456789")]
    public async Task Missing_or_malformed_headers_are_refused_with_a_reason(string? requestId, string? userId, string? timestamp, string? signature) =>
        Assert.False(string.IsNullOrWhiteSpace(await _verifier.VerifyAsync(requestId, userId, timestamp, signature, Body, CancellationToken.None)));

    [Fact]
    public async Task Forged_deliveries_cannot_make_us_download_the_key_set_again_and_again()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.NotNull(await VerifyAsync(Sign(_attacker)));
        }

        Assert.Equal(2, _keys.Fetches); // the first fetch, and one forced refresh per refresh interval
        _time.Advance(JwksCache.DefaultMinRefreshInterval);
        Assert.NotNull(await VerifyAsync(Sign(_attacker)));
        Assert.Equal(3, _keys.Fetches);
    }

    [Fact]
    public async Task A_rotated_key_is_fetched_once_and_then_accepted()
    {
        Assert.Null(await VerifyAsync(Sign(_fal)));
        var rotated = new Ed25519PrivateKeyParameters(new SecureRandom());
        _keys.Json = Jwks(rotated);

        Assert.Null(await VerifyAsync(Sign(rotated)));
        Assert.Equal(2, _keys.Fetches);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "{}")]
    [InlineData(HttpStatusCode.OK, "<html>not a key set</html>")]
    [InlineData(HttpStatusCode.OK, """{"keys":[{"kty":"OKP","crv":"Ed25519","x":"@@@"}]}""")]
    [InlineData(HttpStatusCode.OK, """{"keys":[{"kty":"OKP","crv":"Ed25519","x":"AAAA"}]}""")]
    [InlineData(HttpStatusCode.OK, """{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB"}]}""")]
    public async Task An_erroring_or_odd_key_set_fails_verification_with_a_reason_and_never_throws(HttpStatusCode status, string body)
    {
        _keys.Status = status;
        _keys.Json = body;

        Assert.False(string.IsNullOrWhiteSpace(await VerifyAsync(Sign(_fal))));
    }

    [Fact]
    public async Task A_key_set_that_stalls_after_its_headers_fails_verification_at_the_deadline()
    {
        _keys.StallBody = true;
        var verifying = VerifyAsync(Sign(_fal));
        await TestSupport.Eventually.TrueAsync(() => _keys.Fetches == 1, "the key download to start", TimeSpan.FromSeconds(10));
        _time.Advance(JwksCache.DefaultFetchTimeout);

        Assert.Contains("did not answer within", await verifying.WaitAsync(TimeSpan.FromSeconds(10)), StringComparison.Ordinal);
    }

    public void Dispose() => _keys.Dispose();

    private Task<string?> VerifyAsync((string Timestamp, string Signature) signed) =>
        _verifier.VerifyAsync(RequestId, UserId, signed.Timestamp, signed.Signature, Body, CancellationToken.None);

    private (string Timestamp, string Signature) Sign(Ed25519PrivateKeyParameters key, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? _time.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var message = Encoding.UTF8.GetBytes($"{RequestId}\n{UserId}\n{timestamp}\n{Convert.ToHexStringLower(SHA256.HashData(Body))}");
        var signer = new Ed25519Signer();
        signer.Init(true, key);
        signer.BlockUpdate(message, 0, message.Length);
        return (timestamp, Convert.ToHexStringLower(signer.GenerateSignature()));
    }

    private static string Jwks(Ed25519PrivateKeyParameters key) => new JsonObject
    {
        ["keys"] = new JsonArray(new JsonObject { ["kty"] = "OKP", ["crv"] = "Ed25519", ["x"] = Base64UrlEncoder.Encode(key.GeneratePublicKey().GetEncoded()) }),
    }.ToJsonString();
}
