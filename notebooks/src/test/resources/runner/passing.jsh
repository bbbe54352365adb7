// A tiny notebook that must pass: a method, a loop, a table and a chart.
double harmonic(int n) {
    double h = 0;
    for (int k = 1; k <= n; k++) {
        h += 1.0 / k;
    }
    return h;
}

double[] n = {1, 2, 3, 4};
double[] h = Arrays.stream(n).map(x -> harmonic((int) x)).toArray();
NB.table("harmonic", new String[] {"n", "H_n"}, n, h);
var chart = NB.xy("Harmonic numbers", "n", "H_n");
chart.addSeries("H_n", n, h);
NB.png("harmonic", chart);
System.out.println("H_4 = " + harmonic(4));
