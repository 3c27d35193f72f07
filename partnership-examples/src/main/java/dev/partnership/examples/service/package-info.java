/**
 * The consortium-service example: {@link dev.partnership.examples.service.EvaluationService}, one shared
 * {@link dev.partnership.Evaluator} serving evaluations over HTTP from many threads.
 */
package dev.partnership.examples.service;
