/**
 * Credit scoring (信用评分): explainable scorecards trained, versioned, deployed and watched.
 * <p>
 * {@code domain} is the pure-Java pipeline (no Spring): binning with WOE/IV, selection by IV and
 * correlation, exact logistic regression, scaling to points (600 at odds 1:19, PDO 50), metrics,
 * reason codes and a text codec that saves a model bit-for-bit. The module root is its API:
 * {@link org.xiaodai.scoring.Scoring} scores an application or an active loan with the
 * institution's champion model for the product, and {@link org.xiaodai.scoring.ScoreDriftDetected}
 * is published when the daily stability check (PSI/CSI) crosses a threshold.
 * <p>
 * Two models ship, trained at first start from the public files in {@code classpath:scoring/} and
 * copied into each lending institution at its registration (every scoring table is tenant-owned:
 * approval, activation and monitoring are each institution's decisions):
 * <ul>
 * <li><b>A-card</b> (申请评分卡, purpose {@code APPLICATION}) on the German credit data. Inputs and the
 * application-form field each maps to: {@code currentAccount} 活期账户余额档 (A11 &lt; 0, A12 0–200,
 * A13 ≥ 200 or salary account, A14 none); {@code termMonths} 借款期限(月); {@code creditHistory} 征信记录
 * (A30…A34, from the credit report); {@code purpose} 借款用途 (A40…A410); {@code amount} 申请金额;
 * {@code savings} 储蓄存款档 (A61…A65); {@code employmentLength} 现单位工作年限档 (A71…A75);
 * {@code installmentRate} 月供占可支配收入比 (1–4); {@code guarantor} 共同借款人/担保人 (A101…A103);
 * {@code residenceYears} 现住址居住年限; {@code property} 名下资产 (A121…A124); {@code age} 年龄;
 * {@code otherInstallments} 其他分期 (A141…A143); {@code housing} 住房 (A151 rent, A152 own, A153 free);
 * {@code existingCredits} 本机构现有贷款笔数; {@code job} 职业类别 (A171…A174); {@code dependents}
 * 供养人数; {@code telephone} 登记电话 (A191/A192). {@code personalStatusSex} and
 * {@code foreignWorker} are in the data but protected: never inputs.</li>
 * <li><b>B-card</b> (行为评分卡, purpose {@code BEHAVIOUR}) on the Taiwan credit-card data, for servicing's
 * active loans: {@code pay1..pay6} repayment status of the last six months (−2 no balance, −1 paid
 * in full, 0 revolving, k months late), {@code bill1..6} balances, {@code paid1..6} payments,
 * {@code limitBalance} credit limit, {@code education}, {@code age}, and the derived worst delay,
 * months late, utilisation, share of the previous bill paid, balance trend and crosses of the
 * latest status with utilisation, share paid, limit and the previous status. {@code sex} and
 * {@code marriage} are protected: never inputs.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scoring",
        allowedDependencies = {"iam", "audit", "shared", "platform::web"})
package org.xiaodai.scoring;
