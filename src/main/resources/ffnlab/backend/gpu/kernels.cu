// ffnlab's CUDA kernels, compiled at first use by NVRTC (see KernelSource.java).
// Matrices are row-major float32: a P x n matrix A has A[p][j] at A[p * n + j].
// Losses are accumulated in double, as ReferenceBackend does; transcendental functions of the
// activations are evaluated in double and rounded once, so results match the oracle to float rounding.
//
// Activation codes (KernelSource.activationCode): 0 sigmoid, 1 tanh, 2 relu, 3 linear, 4 softmax.
// Loss codes: -1 none (forward only), 0 squared error, 1 cross-entropy, 2 the double softmax (cross-entropy
// of softmax(y), the probabilities y taken as logits; see Loss.java).

#define ACT_SIGMOID 0
#define ACT_TANH 1
#define ACT_RELU 2
#define ACT_LINEAR 3
#define ACT_SOFTMAX 4
#define LOSS_SQUARED_ERROR 0
#define LOSS_CROSS_ENTROPY 1
#define LOSS_DOUBLE_SOFTMAX_CROSS_ENTROPY 2

typedef long long i64;

__device__ __forceinline__ i64 global_index() {
    return (i64) blockIdx.x * blockDim.x + threadIdx.x;
}

// h = f(u) for an element-wise activation.
__device__ __forceinline__ float activate(float u, int act) {
    switch (act) {
        case ACT_SIGMOID: return (float) (1.0 / (1.0 + exp(-(double) u)));
        case ACT_TANH: return (float) tanh((double) u);
        case ACT_RELU: return u > 0.0f ? u : 0.0f;
        default: return u;
    }
}

// f'(u) written through h = f(u): sigmoid h (1 - h), tanh 1 - h^2, relu 1[h > 0], linear 1.
__device__ __forceinline__ double derivative_from_output(double h, int act) {
    switch (act) {
        case ACT_SIGMOID: return h * (1.0 - h);
        case ACT_TANH: return 1.0 - h * h;
        case ACT_RELU: return h > 0.0 ? 1.0 : 0.0;
        default: return 1.0;
    }
}

__device__ __forceinline__ float row_max(const float* u, int cols) {
    float m = __int_as_float(0xff800000);  // -infinity
    for (int j = 0; j < cols; j++) {
        m = fmaxf(m, u[j]);
    }
    return m;
}

// y = softmax(u) of one row, max-shifted, the sum in double.
__device__ void softmax_row(const float* u, float* y, int cols) {
    float m = row_max(u, cols);
    double s = 0.0;
    for (int j = 0; j < cols; j++) {
        s += exp((double) (u[j] - m));
    }
    for (int j = 0; j < cols; j++) {
        y[j] = (float) (exp((double) (u[j] - m)) / s);
    }
}

// Batch gather: xb[p] = X[order[*cursor + p]] (n values), and the targets D (K values) or the label.
// One thread per element of the batch X (rows x n).
extern "C" __global__ void gather_batch(const float* __restrict__ x, int n, const float* __restrict__ d,
                                        const int* __restrict__ labels, int k, const int* __restrict__ order,
                                        const int* __restrict__ cursor, int rows, float* __restrict__ xb,
                                        float* __restrict__ db, int* __restrict__ lb) {
    i64 i = global_index();
    if (i >= (i64) rows * n) {
        return;
    }
    int p = (int) (i / n);
    int c = (int) (i - (i64) p * n);
    int r = order[*cursor + p];
    xb[i] = x[(i64) r * n + c];
    if (d != 0) {
        for (int j = c; j < k; j += n) {
            db[(i64) p * k + j] = d[(i64) r * k + j];
        }
    }
    if (labels != 0 && c == 0) {
        lb[p] = labels[r];
    }
}

// U <- U + 1_P b^T, H = f(U) for an element-wise f. U, H: rows x cols; one thread per element.
extern "C" __global__ void bias_activation(float* __restrict__ u, const float* __restrict__ b, float* __restrict__ h,
                                           int rows, int cols, int act) {
    i64 i = global_index();
    if (i >= (i64) rows * cols) {
        return;
    }
    int j = (int) (i % cols);
    float v = u[i] + b[j];
    u[i] = v;
    h[i] = activate(v, act);
}

// G <- G . f'(U) with f' taken from H = f(U): equation (D)'s Hadamard product. One thread per element.
extern "C" __global__ void activation_backward(float* __restrict__ g, const float* __restrict__ h, i64 count, int act) {
    i64 i = global_index();
    if (i >= count) {
        return;
    }
    g[i] = (float) ((double) g[i] * derivative_from_output((double) h[i], act));
}

// The output layer, one thread per pattern p:
//   if apply: U <- U + 1_P b^T (b may be null), Y = f^L(U) (linear, sigmoid or row-wise softmax); else Y is given.
//   loss >= 0: raw loss of the row into loss_rows[base + p], base = (*cursor or 0) + offset:
//     squared error sum_k (d - y)^2, cross-entropy -log softmax(u)_label by log-sum-exp, the double softmax
//     -log softmax(y)_label;
//   grad_u != null: grad_{U^L} J = scale (Y - D) (. Y (1 - Y) for a sigmoid output), or scale (f(U) - K), or
//     for the double softmax scale y . (z - k - (y^T (z - k)) 1) with z = softmax(y);
//   correct_rows != null: 1 where arg-max_k u equals the label, else 0.
extern "C" __global__ void output_layer(float* __restrict__ u, const float* __restrict__ b, float* __restrict__ y,
                                        int rows, int cols, int act, int apply, int loss,
                                        const float* __restrict__ d, const int* __restrict__ labels, float scale,
                                        float* __restrict__ grad_u, double* __restrict__ loss_rows,
                                        int* __restrict__ correct_rows, const int* __restrict__ cursor, int offset) {
    int p = (int) global_index();
    if (p >= rows) {
        return;
    }
    float* ur = u + (i64) p * cols;
    float* yr = y + (i64) p * cols;
    if (apply) {
        if (b != 0) {
            for (int j = 0; j < cols; j++) {
                ur[j] += b[j];
            }
        }
        if (act == ACT_SOFTMAX) {
            softmax_row(ur, yr, cols);
        } else {
            for (int j = 0; j < cols; j++) {
                yr[j] = activate(ur[j], act);
            }
        }
    }
    if (loss < 0) {
        return;
    }
    i64 base = (i64) (cursor != 0 ? *cursor : 0) + offset;
    float* gr = grad_u != 0 ? grad_u + (i64) p * cols : 0;
    double raw = 0.0;
    int label = labels != 0 ? labels[p] : 0;
    if (loss == LOSS_SQUARED_ERROR) {
        const float* dr = d + (i64) p * cols;
        for (int j = 0; j < cols; j++) {
            float e = dr[j] - yr[j];
            raw += (double) e * e;
            if (gr != 0) {
                float g = -e;
                if (act == ACT_SIGMOID) {
                    g *= yr[j] * (1.0f - yr[j]);
                }
                gr[j] = scale * g;
            }
        }
    } else if (loss == LOSS_DOUBLE_SOFTMAX_CROSS_ENTROPY) {
        float m = row_max(yr, cols);
        double s = 0.0;
        for (int j = 0; j < cols; j++) {
            s += exp((double) (yr[j] - m));
        }
        raw = -((double) (yr[label] - m) - log(s));
        if (gr != 0) {
            double y_dot_grad_y = 0.0;
            for (int j = 0; j < cols; j++) {
                double grad_y = exp((double) (yr[j] - m)) / s - (j == label ? 1.0 : 0.0);
                y_dot_grad_y += (double) yr[j] * grad_y;
            }
            for (int j = 0; j < cols; j++) {
                double grad_y = exp((double) (yr[j] - m)) / s - (j == label ? 1.0 : 0.0);
                gr[j] = (float) ((double) scale * (double) yr[j] * (grad_y - y_dot_grad_y));
            }
        }
    } else {
        float m = row_max(ur, cols);
        double s = 0.0;
        for (int j = 0; j < cols; j++) {
            s += exp((double) (ur[j] - m));
        }
        raw = -((double) (ur[label] - m) - log(s));
        if (gr != 0) {
            for (int j = 0; j < cols; j++) {
                gr[j] = scale * (yr[j] - (j == label ? 1.0f : 0.0f));
            }
        }
    }
    if (loss_rows != 0) {
        loss_rows[base + p] = raw;
    }
    if (correct_rows != 0) {
        int best = 0;
        float top = ur[0];
        for (int j = 1; j < cols; j++) {
            if (ur[j] > top) {
                top = ur[j];
                best = j;
            }
        }
        correct_rows[base + p] = best == label ? 1 : 0;
    }
}

// SGD: theta <- theta - alpha grad, over the flat parameter vector.
extern "C" __global__ void sgd_step(float* __restrict__ theta, const float* __restrict__ g, i64 n, float alpha) {
    i64 i = global_index();
    if (i < n) {
        theta[i] -= alpha * g[i];
    }
}

// Momentum (PyTorch, dampening 0): v <- g on the first step, else v <- mu v + g; theta <- theta - alpha v.
// *steps counts the steps already taken (advanced by the advance kernel).
extern "C" __global__ void momentum_step(float* __restrict__ theta, const float* __restrict__ g, float* __restrict__ v,
                                         i64 n, float alpha, float mu, const i64* __restrict__ steps) {
    i64 i = global_index();
    if (i >= n) {
        return;
    }
    float vi = *steps == 0 ? g[i] : mu * v[i] + g[i];
    v[i] = vi;
    theta[i] -= alpha * vi;
}

// Adam (PyTorch): m <- b1 m + (1 - b1) g; v <- b2 v + (1 - b2) g^2;
// theta <- theta - (alpha / (1 - b1^t)) m / (sqrt(v) / sqrt(1 - b2^t) + eps), t = *steps + 1.
extern "C" __global__ void adam_step(float* __restrict__ theta, const float* __restrict__ g, float* __restrict__ m,
                                     float* __restrict__ v, i64 n, double alpha, double beta1, double beta2, float eps,
                                     const i64* __restrict__ steps) {
    i64 i = global_index();
    if (i >= n) {
        return;
    }
    double t = (double) (*steps + 1);
    float step_size = (float) (alpha / (1.0 - pow(beta1, t)));
    float sqrt_bc2 = (float) sqrt(1.0 - pow(beta2, t));
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float gi = g[i];
    float mi = b1 * m[i] + (1.0f - b1) * gi;
    float vi = b2 * v[i] + (1.0f - b2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    float denom = sqrtf(vi) / sqrt_bc2 + eps;
    theta[i] -= step_size * mi / denom;
}

// End of a training step: the batch cursor moves on by B, the step count by one. One thread.
extern "C" __global__ void advance(int* cursor, int by, i64* steps) {
    if (blockIdx.x == 0 && threadIdx.x == 0) {
        *cursor += by;
        *steps += 1;
    }
}

// out[0] = sum of loss[0..n), out[1] = sum of correct[0..n) (correct may be null). One block of 1024
// threads, fixed order: the same inputs give the same bits.
extern "C" __global__ void sum_rows(const double* __restrict__ loss, const int* __restrict__ correct, i64 n,
                                    double* __restrict__ out) {
    __shared__ double loss_part[1024];
    __shared__ i64 correct_part[1024];
    int t = threadIdx.x;
    double a = 0.0;
    i64 c = 0;
    for (i64 i = t; i < n; i += blockDim.x) {
        a += loss[i];
        if (correct != 0) {
            c += correct[i];
        }
    }
    loss_part[t] = a;
    correct_part[t] = c;
    __syncthreads();
    for (int w = blockDim.x / 2; w > 0; w >>= 1) {
        if (t < w) {
            loss_part[t] += loss_part[t + w];
            correct_part[t] += correct_part[t + w];
        }
        __syncthreads();
    }
    if (t == 0) {
        out[0] = loss_part[0];
        out[1] = (double) correct_part[0];
    }
}
