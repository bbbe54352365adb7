// Encounter rates of the San Francisco cab traces (cabspotting, 2 hours, 459 cabs): the rates
// pipeline of PRODUCT.md 4.1 (project, resample every 30 s, contacts within 100 m, rates).
// Without ../shared/data the notebook still runs: it falls back to a synthetic city trace and says so.
import org.p2prollout.model.rates.*;
import org.p2prollout.model.trace.*;
import org.p2prollout.model.mobility.*;
import org.p2prollout.core.ProgressListener;

Optional<Path> cabs = NB.sharedData().map(d -> d.resolve("cabspotting-2h")).filter(Files::isDirectory);
String source;
RatesRun run;
if (cabs.isPresent()) {
    source = "cabspotting-2h (real cab traces)";
    run = new RatesPipeline(PipelineOptions.DEFAULT).run(cabs.get(), ProgressListener.NONE);
} else {
    source = "SYNTHETIC city trace: ../shared/data/cabspotting-2h not found";
    CityParameters city = new CityParameters(200, new Area(4000, 4000), 200, 0.3, 5, 15, 300, 3600);
    org.p2prollout.model.mobility.ContactLog log = MobilityContacts.collect(city.create(7), 100, 30, 7200, ProgressListener.NONE);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < log.devices(); i++) names.add(Integer.toString(i));
    run = new RatesPipeline(PipelineOptions.DEFAULT).fromContacts(new ContactTrace("synthetic city",
            TraceFormat.CONTACTS_CSV, false, names, log.contacts(), log.from(), log.to(), 0, 0));
}
System.out.println("source: " + source);

EncounterRates r = run.rates();
System.out.printf("devices %d, contacts %d, pairs with a contact %d of %d observed%n", r.devices(), r.contacts(),
        r.pairsWithContact(), r.pairsObserved());
System.out.printf("homogeneous rate %.4g per pair per second [%.4g, %.4g]; exponential fit share %.3f%n",
        r.homogeneous().rate(), r.homogeneous().lower(), r.homogeneous().upper(), r.fit().share());
if (!(r.homogeneous().rate() > 0)) throw new AssertionError("no contacts found in " + source);

NB.csv("summary", List.of("source", "devices", "contacts", "pairs_with_contact", "pairs_observed", "rate_per_s",
        "rate_low", "rate_high", "exponential_fit_share", "mean_contact_s"),
        List.of(List.of(source, r.devices(), r.contacts(), r.pairsWithContact(), r.pairsObserved(), r.homogeneous().rate(),
                r.homogeneous().lower(), r.homogeneous().upper(), r.fit().share(), r.durations().mean())));

// inter-contact times: pooled CCDF against the exponential of the same mean
double[] t = r.interContact().ccdfSeconds();
double[] ccdf = r.interContact().ccdf();
double mean = r.interContact().mean();
double[] expo = Arrays.stream(t).map(x -> Math.exp(-x / mean)).toArray();
NB.table("inter-contact-ccdf", new String[] {"seconds", "ccdf", "exponential_same_mean"}, t, ccdf, expo);
var chart = NB.xy("Inter-contact times: " + source, "inter-contact time (s)", "P(T > t)");
chart.addSeries("measured", t, Arrays.stream(ccdf).map(v -> Math.max(v, 1e-6)).toArray());
chart.addSeries("exponential, same mean", t, Arrays.stream(expo).map(v -> Math.max(v, 1e-6)).toArray());
chart.getStyler().setYAxisLogarithmic(true);
NB.png("inter-contact-ccdf", chart);

// per-pair rates of the pairs that met, sorted
double[] pairRates = r.pairs().stream().mapToDouble(EncounterRates.PairRate::rate).sorted().toArray();
double[] rank = new double[pairRates.length];
for (int i = 0; i < rank.length; i++) rank[i] = (i + 1.0) / rank.length;
NB.table("pair-rates", new String[] {"rate_per_s", "cumulative_share"}, pairRates, rank);
var pairs = NB.xy("Per-pair encounter rates (pairs that met): " + source, "rate per pair (per second)", "cumulative share of pairs");
pairs.addSeries("pairs", pairRates, rank);
pairs.getStyler().setXAxisLogarithmic(true);
NB.png("pair-rates", pairs);
