package io.customeridentity.customer.internal.versions;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * The repositories of this package, with their {@code @Query} strings taken as written. Spring Data would otherwise
 * parse each one with its HQL grammar at start-up (a third of a second of it, profiled) to be able to rewrite them for
 * sorting and counting, which none of ours needs: none takes a {@code Sort} or a {@code Pageable}.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(queryEnhancerSelector = RepositoryConfiguration.QueriesAsWritten.class)
class RepositoryConfiguration {

    /** The plain enhancer for every query: no parse, no rewriting. */
    static class QueriesAsWritten implements QueryEnhancerSelector {

        @Override
        public QueryEnhancerFactory select(DeclaredQuery query) {
            return QueryEnhancerFactories.fallback();
        }
    }
}
