namespace PatientMessageExchange.Core.Ehr;

public enum EhrAuthMode
{
    None = 1,
    BearerToken = 2,

    /// <summary>SMART Backend Services: a client-credentials grant with a JWT assertion signed by the practice's key.</summary>
    SmartBackendServices = 3,
}
