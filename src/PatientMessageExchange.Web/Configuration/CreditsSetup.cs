using Hangfire;
using Microsoft.Extensions.Options;
using PatientMessageExchange.Core.Credits;
using PatientMessageExchange.Core.Credits.Payments;
using Stripe;

namespace PatientMessageExchange.Web.Configuration;

public static class CreditsSetup
{
    public const string StripeHttpClient = "stripe";

    /// <summary>The credit ledger, plans, purchases and the payment gateway chosen by Payments:Provider.</summary>
    public static void AddCredits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CreditsOptions>().BindConfiguration(CreditsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PaymentsOptions>().BindConfiguration(PaymentsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section)
            .ValidateDataAnnotations()
            .Validate<IOptions<PaymentsOptions>>(
                (stripe, payments) => payments.Value.Provider != PaymentProvider.Stripe || !string.IsNullOrWhiteSpace(stripe.SecretKey),
                "Stripe:SecretKey is required when Payments:Provider is Stripe (set the environment variable Stripe__SecretKey).")
            .Validate<IOptions<PaymentsOptions>>(
                (stripe, payments) => payments.Value.Provider != PaymentProvider.Stripe || !string.IsNullOrWhiteSpace(stripe.WebhookSecret),
                "Stripe:WebhookSecret is required when Payments:Provider is Stripe (set the environment variable Stripe__WebhookSecret).")
            .ValidateOnStart();

        services.AddScoped<CreditLedger>();
        services.AddScoped<CreditPurchases>();
        services.AddScoped<CreditPlanCatalog>();
        services.AddScoped<CreditIntegrityCheck>();
        services.AddScoped<CreditIntegrityJob>();
        services.AddScoped<CreditUsageReporter>();
        services.AddScoped<StripeWebhookHandler>();

        // The provider is read from the final configuration when first needed, so a test host can choose it.
        services.AddHttpClient(StripeHttpClient);
        services.AddSingleton<IStripeClient>(sp =>
        {
            var stripe = sp.GetRequiredService<IOptions<StripeOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(StripeHttpClient);
            // Without a key (the invoice default) the client is still built, so that nothing fails until a Stripe call
            // is actually made; Stripe.net refuses an empty string.
            return new StripeClient(string.IsNullOrWhiteSpace(stripe.SecretKey) ? null : stripe.SecretKey, httpClient: new SystemNetHttpClient(http),
                apiBase: string.IsNullOrWhiteSpace(stripe.ApiBase) ? null : stripe.ApiBase.TrimEnd('/'));
        });
        services.AddScoped<InvoicePaymentGateway>();
        services.AddScoped<StripeCheckoutGateway>();
        services.AddScoped<IPaymentGateway>(sp =>
            sp.GetRequiredService<IOptions<PaymentsOptions>>().Value.Provider == PaymentProvider.Stripe
                ? sp.GetRequiredService<StripeCheckoutGateway>()
                : sp.GetRequiredService<InvoicePaymentGateway>());

        services.AddHostedService<CreditJobsRegistration>();
    }
}
