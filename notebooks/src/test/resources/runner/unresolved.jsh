double f(double x) { return undefinedHelper(x) + 1; }
