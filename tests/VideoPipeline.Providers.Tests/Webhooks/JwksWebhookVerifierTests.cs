using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using VideoPipeline.Providers.Tests.Support;
using VideoPipeline.Providers.Webhooks;

namespace VideoPipeline.Providers.Tests.Webhooks;

/// <summary>Gemini per-request webhooks: an RS256 JWT checked against a JWKS, with keys generated here.</summary>
public sealed class JwksWebhookVerifierTests : IDisposable
{
    private const string Issuer = "https://generativelanguage.googleapis.com/";
    private const string Audience = "https://pipeline.example.test/api/webhooks/veo-gemini";
    private readonly RSA _google = RSA.Create(2048);
    private readonly RSA _attacker = RSA.Create(2048);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly KeySetHandler _jwks;
    private readonly JwksCache _cache;
    private readonly JwksWebhookVerifier _verifier;

    public JwksWebhookVerifierTests()
    {
        _jwks = new KeySetHandler(Jwks(_google, "k1"));
        _cache = new JwksCache(new HttpClient(_jwks), new Uri("https://keys.example.test/jwks.json"), _time, TimeSpan.FromHours(1));
        _verifier = new JwksWebhookVerifier(_cache, _time, Issuer, Audience);
    }

    [Fact]
    public async Task Token_signed_by_a_published_key_is_accepted()
    {
        var (token, error) = await _verifier.VerifyAsync(Token(_google, "k1"), CancellationToken.None);

        Assert.Null(error);
        Assert.Equal("models/veo/operations/1", token!.Subject);
    }

    [Fact]
    public async Task Token_signed_by_an_unpublished_key_is_rejected() =>
        Assert.NotNull((await _verifier.VerifyAsync(Token(_attacker, "k1"), CancellationToken.None)).Error);

    [Fact]
    public async Task Expired_token_is_rejected()
    {
        var token = Token(_google, "k1");
        _time.Advance(TimeSpan.FromMinutes(20)); // 5 min lifetime + 5 min skew is long gone

        Assert.NotNull((await _verifier.VerifyAsync(token, CancellationToken.None)).Error);
    }

    [Fact]
    public async Task Token_from_another_issuer_is_rejected() =>
        Assert.NotNull((await _verifier.VerifyAsync(Token(_google, "k1", issuer: "https://evil.example/"), CancellationToken.None)).Error);

    [Theory]
    [InlineData("https://someone-else.example/hook")]
    [InlineData(null)]
    public async Task Token_for_another_audience_or_none_is_rejected(string? audience) =>
        Assert.NotNull((await _verifier.VerifyAsync(Token(_google, "k1", audience: audience), CancellationToken.None)).Error);

    [Fact]
    public async Task Tokens_naming_unknown_keys_cannot_make_us_download_the_key_set_again_and_again()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.NotNull((await _verifier.VerifyAsync(Token(_attacker, $"kid-{i}"), CancellationToken.None)).Error);
        }

        Assert.Equal(2, _jwks.Fetches); // the first load and one forced refresh in the interval

        _time.Advance(JwksCache.DefaultMinRefreshInterval);
        Assert.NotNull((await _verifier.VerifyAsync(Token(_attacker, "kid-late"), CancellationToken.None)).Error);
        Assert.Equal(3, _jwks.Fetches);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "{}")]
    [InlineData(HttpStatusCode.OK, "<html>not a key set</html>")]
    [InlineData(HttpStatusCode.OK, "{\"keys\": 42}")]
    public async Task Erroring_key_endpoint_makes_verification_fail_with_a_reason_not_throw(HttpStatusCode status, string body)
    {
        _jwks.Status = status;
        _jwks.Json = body;

        var (token, error) = await _verifier.VerifyAsync(Token(_google, "k1"), CancellationToken.None);

        Assert.Null(token);
        Assert.Contains("JWKS", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_endpoint_that_stalls_after_its_headers_fails_verification_at_the_deadline()
    {
        _jwks.StallBody = true;

        var verifying = _verifier.VerifyAsync(Token(_google, "k1"), CancellationToken.None);
        await TestSupport.Eventually.TrueAsync(() => _jwks.Fetches == 1, "the key download to start", TimeSpan.FromSeconds(10));
        _time.Advance(JwksCache.DefaultFetchTimeout);
        var (token, error) = await verifying.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(token);
        Assert.Contains("did not answer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symmetric_token_cannot_pose_as_RS256()
    {
        // Algorithm confusion: an HS256 token "signed" with public key material must not pass.
        var key = new SymmetricSecurityKey(_google.ExportRSAPublicKey()) { KeyId = "k1" };
        var token = new JsonWebTokenHandler().CreateToken(Descriptor(new SigningCredentials(key, SecurityAlgorithms.HmacSha256), Issuer));

        Assert.NotNull((await _verifier.VerifyAsync(token, CancellationToken.None)).Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.")]
    public async Task Malformed_or_unsigned_tokens_are_rejected(string? jwt) =>
        Assert.NotNull((await _verifier.VerifyAsync(jwt, CancellationToken.None)).Error);

    [Fact]
    public async Task Rotated_key_is_fetched_once_and_then_accepted()
    {
        Assert.Null((await _verifier.VerifyAsync(Token(_google, "k1"), CancellationToken.None)).Error);
        using var rotated = RSA.Create(2048);
        _jwks.Json = Jwks(rotated, "k2");

        Assert.Null((await _verifier.VerifyAsync(Token(rotated, "k2"), CancellationToken.None)).Error);
        Assert.Equal(2, _jwks.Fetches);
    }

    public void Dispose()
    {
        _google.Dispose();
        _attacker.Dispose();
        _jwks.Dispose();
    }

    private string Token(RSA key, string kid, string issuer = Issuer, string? audience = Audience) =>
        new JsonWebTokenHandler().CreateToken(Descriptor(new SigningCredentials(new RsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.RsaSha256), issuer, audience));

    private SecurityTokenDescriptor Descriptor(SigningCredentials credentials, string issuer, string? audience = Audience) => new()
    {
        Issuer = issuer,
        Audience = audience,
        Claims = new Dictionary<string, object> { ["sub"] = "models/veo/operations/1" },
        IssuedAt = _time.GetUtcNow().UtcDateTime,
        NotBefore = _time.GetUtcNow().UtcDateTime,
        Expires = _time.GetUtcNow().AddMinutes(5).UtcDateTime,
        SigningCredentials = credentials,
    };

    private static string Jwks(RSA key, string kid) =>
        JsonSerializer.Serialize(new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.ExportParameters(false)) { KeyId = kid }) } });
}
